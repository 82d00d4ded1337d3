using System;
using System.Buffers;
using System.Text;
using Newtonsoft.Json;

namespace StarkSdk.Core;

/// <summary>
/// A Newtonsoft <see cref="JsonReader"/> over the UTF-8 bytes of a response or webhook already in memory. JsonTextReader
/// materializes every value as it reads it: a string for each date, a box for each number, before any converter asks.
/// This reader keeps the value's bytes and materializes only what is asked for, and gives the generated converters (via
/// <see cref="JsonRead"/>) numbers and canonical dates without materializing anything. It reads strict JSON only, as the
/// API writes it: anything else (comments, exponents, huge or zero-led numbers, surrogate escapes, control characters,
/// trailing text) throws <see cref="UnsupportedJsonException"/> and the caller reads the body again with JsonTextReader,
/// so odd input gets exactly Newtonsoft's result or error.
/// </summary>
internal sealed class Utf8BodyReader : JsonReader
{
    private static readonly object True = true;
    private static readonly object False = false;

    private readonly byte[] _bytes;
    private readonly int _end;
    private readonly LearningNameTable _names;
    private int _pos;

    // Containers opened and not closed (true = object), and what the next token may be.
    private bool[] _containers = new bool[16];
    private int _depth;
    private Expect _expect = Expect.Value;

    // The current value, unmaterialized: its token, bytes and parsed number.
    private JsonToken _lazy;
    private int _start;
    private int _length;
    private bool _escaped;
    private long _integer;
    private decimal _float;
    private object? _materialized;

    // Where names and escaped strings are decoded: rented once per reader (a page has ~2,500 names), returned by Close.
    private char[] _scratch = Array.Empty<char>();

    internal Utf8BodyReader(byte[] bytes, int offset, int count, LearningNameTable names)
    {
        _bytes = bytes;
        _pos = offset + Utf8ArrayReader.ByteOrderMarkLength(bytes, offset, count);
        _end = offset + count;
        _names = names;
    }

    private enum Expect
    {
        Value,
        ValueOrArrayEnd,
        Name,
        NameOrObjectEnd,
        SeparatorOrEnd,
        Nothing,
    }

    /// <inheritdoc />
    public override object? Value
    {
        get
        {
            var value = base.Value;
            if (value is null && _lazy != JsonToken.None && base.TokenType == _lazy)
            {
                value = _materialized ??= Materialize();
            }

            return value;
        }
    }

    /// <inheritdoc />
    public override Type? ValueType => Value?.GetType();

    /// <inheritdoc />
    public override bool Read()
    {
        _lazy = JsonToken.None;
        _materialized = null;
        SkipWhitespace();
        switch (_expect)
        {
            case Expect.Nothing:
                if (_pos < _end)
                {
                    throw new UnsupportedJsonException();
                }

                SetToken(JsonToken.None);
                return false;
            case Expect.SeparatorOrEnd:
                return ReadSeparatorOrEnd();
            case Expect.Name:
            case Expect.NameOrObjectEnd:
                return ReadName();
            default:
                return ReadValue();
        }
    }

    // The typed reads are how reflection-based deserialization (classes users derive from the models) advances, and
    // JsonTextReader's own versions differ from JsonReader's defaults in corner cases (a float read as an int, a number
    // as a boolean): leave them all to JsonTextReader, so those classes read exactly as they always did.

    /// <inheritdoc />
    public override string? ReadAsString() => throw new UnsupportedJsonException();

    /// <inheritdoc />
    public override int? ReadAsInt32() => throw new UnsupportedJsonException();

    /// <inheritdoc />
    public override decimal? ReadAsDecimal() => throw new UnsupportedJsonException();

    /// <inheritdoc />
    public override double? ReadAsDouble() => throw new UnsupportedJsonException();

    /// <inheritdoc />
    public override bool? ReadAsBoolean() => throw new UnsupportedJsonException();

    /// <inheritdoc />
    public override DateTime? ReadAsDateTime() => throw new UnsupportedJsonException();

    /// <inheritdoc />
    public override DateTimeOffset? ReadAsDateTimeOffset() => throw new UnsupportedJsonException();

    /// <inheritdoc />
    public override byte[]? ReadAsBytes() => throw new UnsupportedJsonException();

    /// <summary>The current integer, without boxing it.</summary>
    internal bool TryGetInt64(out long value)
    {
        value = _integer;
        return _lazy == JsonToken.Integer && TokenType == JsonToken.Integer && base.Value is null;
    }

    /// <summary>The current number as a decimal (as Newtonsoft reads floats with FloatParseHandling.Decimal), without boxing it.</summary>
    internal bool TryGetDecimal(out decimal value)
    {
        value = _lazy == JsonToken.Integer ? _integer : _float;
        return (_lazy == JsonToken.Float || _lazy == JsonToken.Integer) && TokenType == _lazy && base.Value is null;
    }

    /// <summary>The current string as a canonical ISO date-time (see <see cref="IsoDates.TryParseCanonical(ReadOnlySpan{char}, out DateTimeOffset)"/>), without materializing it.</summary>
    internal bool TryGetCanonicalDateTime(out DateTimeOffset value)
    {
        value = default;
        if (_lazy != JsonToken.String || TokenType != JsonToken.String || base.Value != null || _escaped || _length > 40)
        {
            return false;
        }

        Span<char> chars = stackalloc char[_length];
        for (var i = 0; i < _length; i++)
        {
            var b = _bytes[_start + i];
            if (b >= 0x80)
            {
                return false;
            }

            chars[i] = (char)b;
        }

        return IsoDates.TryParseCanonical(chars, out value);
    }

    private bool ReadSeparatorOrEnd()
    {
        if (_pos >= _end)
        {
            throw new UnsupportedJsonException();
        }

        var inObject = _containers[_depth - 1];
        switch (_bytes[_pos])
        {
            case (byte)',':
                _pos++;
                SkipWhitespace();
                if (inObject)
                {
                    _expect = Expect.Name;
                    return ReadName();
                }

                _expect = Expect.Value;
                return ReadValue();
            case (byte)'}' when inObject:
                _pos++;
                Close(JsonToken.EndObject);
                return true;
            case (byte)']' when !inObject:
                _pos++;
                Close(JsonToken.EndArray);
                return true;
            default:
                throw new UnsupportedJsonException();
        }
    }

    private void Close(JsonToken token)
    {
        _depth--;
        SetToken(token);
        _expect = _depth == 0 ? Expect.Nothing : Expect.SeparatorOrEnd;
    }

    private bool ReadName()
    {
        if (_pos >= _end)
        {
            throw new UnsupportedJsonException();
        }

        if (_bytes[_pos] == (byte)'}' && _expect == Expect.NameOrObjectEnd)
        {
            _pos++;
            Close(JsonToken.EndObject);
            return true;
        }

        if (_bytes[_pos] != (byte)'"')
        {
            throw new UnsupportedJsonException();
        }

        ScanString();
        var name = _escaped ? Unescape() : Name();
        SkipWhitespace();
        if (_pos >= _end || _bytes[_pos] != (byte)':')
        {
            throw new UnsupportedJsonException();
        }

        _pos++;
        _expect = Expect.Value;
        SetToken(JsonToken.PropertyName, name);
        return true;
    }

    private bool ReadValue()
    {
        if (_pos >= _end)
        {
            if (_depth == 0 && _expect == Expect.Value)
            {
                // An empty body: JsonTextReader's answer too.
                SetToken(JsonToken.None);
                return false;
            }

            throw new UnsupportedJsonException();
        }

        var c = _bytes[_pos];
        switch (c)
        {
            case (byte)'{':
                _pos++;
                SetToken(JsonToken.StartObject);
                Open(true);
                _expect = Expect.NameOrObjectEnd;
                return true;
            case (byte)'[':
                _pos++;
                SetToken(JsonToken.StartArray);
                Open(false);
                _expect = Expect.ValueOrArrayEnd;
                return true;
            case (byte)']' when _expect == Expect.ValueOrArrayEnd:
                _pos++;
                Close(JsonToken.EndArray);
                return true;
            case (byte)'"':
                ScanString();
                Lazy(JsonToken.String);
                return true;
            case (byte)'t':
                Literal("true");
                Eager(JsonToken.Boolean, True);
                return true;
            case (byte)'f':
                Literal("false");
                Eager(JsonToken.Boolean, False);
                return true;
            case (byte)'n':
                Literal("null");
                Eager(JsonToken.Null, null);
                return true;
            default:
                if (c == (byte)'-' || (c >= (byte)'0' && c <= (byte)'9'))
                {
                    Lazy(ScanNumber());
                    return true;
                }

                throw new UnsupportedJsonException();
        }
    }

    private void Lazy(JsonToken token)
    {
        SetToken(token);
        _lazy = token;
        AfterValue();
    }

    private void Eager(JsonToken token, object? value)
    {
        SetToken(token, value);
        AfterValue();
    }

    private void AfterValue() => _expect = _depth == 0 ? Expect.Nothing : Expect.SeparatorOrEnd;

    private void Open(bool isObject)
    {
        if (_depth == _containers.Length)
        {
            Array.Resize(ref _containers, _depth * 2);
        }

        _containers[_depth++] = isObject;
    }

    private void Literal(string text)
    {
        if (_end - _pos < text.Length)
        {
            throw new UnsupportedJsonException();
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (_bytes[_pos + i] != text[i])
            {
                throw new UnsupportedJsonException();
            }
        }

        _pos += text.Length;
        EnsureDelimiter();
    }

    // Sets _start/_length to the bytes between the quotes and _escaped; leaves _pos after the closing quote.
    private void ScanString()
    {
        var i = _pos + 1;
        _escaped = false;
        while (true)
        {
            if (i >= _end)
            {
                throw new UnsupportedJsonException();
            }

            var b = _bytes[i];
            if (b == (byte)'"')
            {
                break;
            }

            if (b < 0x20)
            {
                throw new UnsupportedJsonException();
            }

            if (b == (byte)'\\')
            {
                _escaped = true;
                i++;
                if (i >= _end)
                {
                    throw new UnsupportedJsonException();
                }

                switch (_bytes[i])
                {
                    case (byte)'"':
                    case (byte)'\\':
                    case (byte)'/':
                    case (byte)'b':
                    case (byte)'f':
                    case (byte)'n':
                    case (byte)'r':
                    case (byte)'t':
                        break;
                    case (byte)'u':
                        // Surrogates (a pair, or a lone half) are left to JsonTextReader's own rules.
                        if (i + 4 >= _end || !TryHex(i + 1, out var unit) || (unit >= 0xD800 && unit <= 0xDFFF))
                        {
                            throw new UnsupportedJsonException();
                        }

                        i += 4;
                        break;
                    default:
                        throw new UnsupportedJsonException();
                }
            }

            i++;
        }

        _start = _pos + 1;
        _length = i - _start;
        _pos = i + 1;
    }

    // The JSON number grammar, read as JsonTextReader with FloatParseHandling.Decimal reads it: a long, or a decimal whose
    // scale is the number of fraction digits. Anything its parser treats specially is left to it.
    private JsonToken ScanNumber()
    {
        var i = _pos;
        var negative = _bytes[i] == (byte)'-';
        if (negative)
        {
            i++;
        }

        ulong mantissa = 0;
        var digits = 0;
        var leadingZero = i < _end && _bytes[i] == (byte)'0';
        for (; i < _end && _bytes[i] >= (byte)'0' && _bytes[i] <= (byte)'9'; i++)
        {
            if (++digits > 18)
            {
                throw new UnsupportedJsonException();
            }

            mantissa = (mantissa * 10) + (ulong)(_bytes[i] - '0');
        }

        if (digits == 0 || (leadingZero && digits > 1))
        {
            throw new UnsupportedJsonException();
        }

        var scale = 0;
        var isFloat = false;
        if (i < _end && _bytes[i] == (byte)'.')
        {
            isFloat = true;
            i++;

            // Newtonsoft counts a lone leading zero ("0.5") out of the mantissa's digits.
            var mantissaDigits = leadingZero ? 0 : digits;
            for (; i < _end && _bytes[i] >= (byte)'0' && _bytes[i] <= (byte)'9'; i++)
            {
                if (++mantissaDigits > 18)
                {
                    throw new UnsupportedJsonException();
                }

                mantissa = (mantissa * 10) + (ulong)(_bytes[i] - '0');
                scale++;
            }

            if (scale == 0)
            {
                throw new UnsupportedJsonException();
            }
        }

        if (i < _end && (_bytes[i] == (byte)'e' || _bytes[i] == (byte)'E'))
        {
            throw new UnsupportedJsonException();
        }

        _start = _pos;
        _length = i - _pos;
        _pos = i;
        EnsureDelimiter();
        if (isFloat)
        {
            // A negative zero keeps or loses its sign in Newtonsoft depending on its digits: its own parser decides.
            if (negative && mantissa == 0)
            {
                throw new UnsupportedJsonException();
            }

            _float = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative, (byte)scale);
            return JsonToken.Float;
        }

        _integer = negative ? -(long)mantissa : (long)mantissa;
        return JsonToken.Integer;
    }

    private void EnsureDelimiter()
    {
        if (_pos < _end)
        {
            switch (_bytes[_pos])
            {
                case (byte)' ':
                case (byte)'\t':
                case (byte)'\n':
                case (byte)'\r':
                case (byte)',':
                case (byte)']':
                case (byte)'}':
                    break;
                default:
                    throw new UnsupportedJsonException();
            }
        }
    }

    private void SkipWhitespace()
    {
        while (_pos < _end)
        {
            switch (_bytes[_pos])
            {
                case (byte)' ':
                case (byte)'\t':
                case (byte)'\n':
                case (byte)'\r':
                    _pos++;
                    break;
                default:
                    return;
            }
        }
    }

    private object Materialize() => _lazy switch
    {
        JsonToken.String => _escaped ? Unescape() : Encoding.UTF8.GetString(_bytes, _start, _length),
        JsonToken.Integer => _integer,
        _ => _float,
    };

    /// <inheritdoc />
    public override void Close()
    {
        base.Close();
        if (_scratch.Length > 0)
        {
            ArrayPool<char>.Shared.Return(_scratch);
            _scratch = Array.Empty<char>();
        }
    }

    // A property name without escapes: decoded into the scratch buffer, then the shared table's string when it has one.
    private string Name()
    {
        var chars = Scratch();
        var count = Encoding.UTF8.GetChars(_bytes, _start, _length, chars, 0);
        return _names.Get(chars, 0, count) ?? new string(chars, 0, count);
    }

    private string Unescape()
    {
        var chars = Scratch();
        var count = 0;
        var run = _start;
        var end = _start + _length;
        for (var i = _start; i < end; i++)
        {
            if (_bytes[i] != (byte)'\\')
            {
                continue;
            }

            count += Encoding.UTF8.GetChars(_bytes, run, i - run, chars, count);
            i++;
            switch (_bytes[i])
            {
                case (byte)'b': chars[count++] = '\b'; break;
                case (byte)'f': chars[count++] = '\f'; break;
                case (byte)'n': chars[count++] = '\n'; break;
                case (byte)'r': chars[count++] = '\r'; break;
                case (byte)'t': chars[count++] = '\t'; break;
                case (byte)'u':
                    TryHex(i + 1, out var unit);
                    chars[count++] = (char)unit;
                    i += 4;
                    break;
                default: chars[count++] = (char)_bytes[i]; break;
            }

            run = i + 1;
        }

        count += Encoding.UTF8.GetChars(_bytes, run, end - run, chars, count);
        return new string(chars, 0, count);
    }

    // Room for the current token's characters: never more than its bytes (an escape is at least two bytes for one character).
    private char[] Scratch()
    {
        if (_scratch.Length < _length)
        {
            if (_scratch.Length > 0)
            {
                ArrayPool<char>.Shared.Return(_scratch);
            }

            _scratch = ArrayPool<char>.Shared.Rent(Math.Max(_length, 64));
        }

        return _scratch;
    }

    private bool TryHex(int at, out int value)
    {
        value = 0;
        for (var i = at; i < at + 4; i++)
        {
            var b = _bytes[i];
            int digit;
            if (b >= (byte)'0' && b <= (byte)'9')
            {
                digit = b - '0';
            }
            else if (b >= (byte)'a' && b <= (byte)'f')
            {
                digit = b - 'a' + 10;
            }
            else if (b >= (byte)'A' && b <= (byte)'F')
            {
                digit = b - 'A' + 10;
            }
            else
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        return true;
    }
}

/// <summary>Input <see cref="Utf8BodyReader"/> leaves to JsonTextReader; never escapes <see cref="JsonBody"/>.</summary>
internal sealed class UnsupportedJsonException : JsonReaderException
{
    internal UnsupportedJsonException()
        : base("Not strict JSON as the API writes it; read again with JsonTextReader.")
    {
    }
}
