using System;
using System.IO;
using System.Text;

namespace StarkSdk.Core;

/// <summary>
/// Decodes UTF-8 bytes already in memory straight into the caller's character buffer. A StreamReader would allocate a
/// byte buffer and a character buffer per body (12 KB for every response and webhook) only to copy through them; the
/// JSON reader's own buffer is rented, so with this reader a body is decoded without allocating buffers at all.
/// Invalid bytes become U+FFFD, as with StreamReader; a UTF-8 byte order mark is skipped.
/// </summary>
internal sealed class Utf8ArrayReader : TextReader
{
    private static readonly UTF8Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private readonly byte[] _bytes;
    private readonly int _end;
    private readonly Decoder _decoder = Utf8.GetDecoder();
    private readonly char[] _pair = new char[2];
    private int _position;
    private int _pending = -1;

    internal Utf8ArrayReader(byte[] bytes, int offset, int count)
    {
        _bytes = bytes ?? throw new ArgumentNullException(nameof(bytes));
        _position = offset + ByteOrderMarkLength(bytes, offset, count);
        _end = offset + count;
    }

    /// <summary>3 when the bytes start with the UTF-8 byte order mark (which StreamReader skips), else 0.</summary>
    internal static int ByteOrderMarkLength(byte[] bytes, int offset, int count) =>
        count >= 3 && bytes[offset] == 0xEF && bytes[offset + 1] == 0xBB && bytes[offset + 2] == 0xBF ? 3 : 0;

    /// <summary>Whether the bytes start with a UTF-16 or UTF-32 byte order mark, which this reader does not decode.</summary>
    internal static bool HasOtherByteOrderMark(byte[] bytes, int offset, int count) =>
        count >= 2 && ((bytes[offset] == 0xFE && bytes[offset + 1] == 0xFF) || (bytes[offset] == 0xFF && bytes[offset + 1] == 0xFE)
            || (count >= 4 && bytes[offset] == 0 && bytes[offset + 1] == 0 && bytes[offset + 2] == 0xFE && bytes[offset + 3] == 0xFF));

    /// <inheritdoc />
    public override int Read(char[] buffer, int index, int count)
    {
        if (buffer is null)
        {
            throw new ArgumentNullException(nameof(buffer));
        }

        if (index < 0 || count < 0 || buffer.Length - index < count)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        var written = 0;
        if (count > 0 && _pending >= 0)
        {
            buffer[index++] = (char)_pending;
            _pending = -1;
            count--;
            written++;
        }

        if (count == 0)
        {
            return written;
        }

        if (count == 1)
        {
            // One slot cannot hold a surrogate pair: decode one code point aside and keep its second half for next time.
            var decoded = Decode(_pair, 0, 2);
            if (decoded > 0)
            {
                buffer[index] = _pair[0];
                _pending = decoded == 2 ? _pair[1] : -1;
                written++;
            }

            return written;
        }

        return written + Decode(buffer, index, count);
    }

    /// <inheritdoc />
    public override int Read()
    {
        var one = new char[1];
        return Read(one, 0, 1) == 0 ? -1 : one[0];
    }

    /// <summary>Not supported: the JSON reader only reads blocks, and a stateful decoder cannot look ahead without consuming.</summary>
    /// <returns>Never returns.</returns>
    public override int Peek() => throw new NotSupportedException("Utf8ArrayReader reads blocks only.");

    private int Decode(char[] chars, int index, int count)
    {
        if (_position >= _end)
        {
            return 0;
        }

        _decoder.Convert(_bytes, _position, _end - _position, chars, index, count, flush: true, out var bytesUsed, out var charsUsed, out _);
        _position += bytesUsed;
        return charsUsed;
    }
}
