using System;
using System.IO;
using System.Text;
using Newtonsoft.Json;

namespace StarkSdk.Core;

/// <summary>
/// Reads a JSON response body with a forward-only reader: picks the wanted property (and <c>cursor</c>) by key and skips
/// everything else, so no tree of the whole body is ever built.
/// </summary>
internal static class JsonBody
{
    internal sealed class Result<T>
    {
        internal T? Value { get; set; }

        internal bool Found { get; set; }

        internal string? Cursor { get; set; }

        /// <summary>Whether the strict reader read it (false: JsonTextReader did); for tests.</summary>
        internal bool Strict { get; set; }
    }

    internal static Result<T> Read<T>(byte[] body, int offset, int count, string? key)
    {
        if (!Utf8ArrayReader.HasOtherByteOrderMark(body, offset, count))
        {
            try
            {
                using var strict = new Utf8BodyReader(body, offset, count, LearningNameTable.Shared);
                var result = Read<T>(Configure(strict), key);
                result.Strict = true;
                return result;
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                // Whatever the strict reader does not take, or any failure while reading with it, is decided by
                // JsonTextReader below: its result or its error, exactly as before the strict reader existed.
            }
        }

        return ReadWithTextReader<T>(body, offset, count, key);
    }

    /// <summary>The same, with Newtonsoft's JsonTextReader only: the judge of everything the strict reader leaves.</summary>
    internal static Result<T> ReadWithTextReader<T>(byte[] body, int offset, int count, string? key)
    {
        // A UTF-16/32 body (never seen from the API, but a byte order mark says so) keeps StreamReader's detection.
        using var text = Utf8ArrayReader.HasOtherByteOrderMark(body, offset, count)
            ? new StreamReader(new MemoryStream(body, offset, count, writable: false), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true)
            : (TextReader)new Utf8ArrayReader(body, offset, count);
        using var reader = new JsonTextReader(text)
        {
            CloseInput = false,
            ArrayPool = CharPool.Instance,
            PropertyNameTable = LearningNameTable.Shared,
        };
        return Read<T>(Configure(reader), key);
    }

    private static JsonReader Configure(JsonReader reader)
    {
        reader.DateParseHandling = DateParseHandling.None;
        reader.FloatParseHandling = FloatParseHandling.Decimal;
        reader.MaxDepth = 64;
        return reader;
    }

    private static Result<T> Read<T>(JsonReader reader, string? key)
    {
        var serializer = StarkJson.Internal;
        var result = new Result<T>();

        if (!reader.Read())
        {
            throw new JsonSerializationException("The response body is empty.");
        }

        if (key is null)
        {
            result.Value = serializer.Deserialize<T>(reader);
            result.Found = true;
            EnsureEnd(reader);
            return result;
        }

        if (reader.TokenType != JsonToken.StartObject)
        {
            throw new JsonSerializationException("The response body is not a JSON object.");
        }

        while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
        {
            var name = (string)reader.Value!;
            if (!reader.Read())
            {
                break;
            }

            if (name == key && !result.Found)
            {
                result.Value = serializer.Deserialize<T>(reader);
                result.Found = true;
            }
            else if (name == "cursor" && (reader.TokenType == JsonToken.String || reader.TokenType == JsonToken.Null))
            {
                // Some list routes (invoice-pull-request) end with "" instead of null: both mean "last page".
                var cursor = reader.Value as string;
                result.Cursor = string.IsNullOrEmpty(cursor) ? null : cursor;
            }
            else
            {
                reader.Skip();
            }
        }

        if (reader.TokenType != JsonToken.EndObject)
        {
            throw new JsonSerializationException("The response body is truncated.");
        }

        EnsureEnd(reader);
        return result;
    }

    private static void EnsureEnd(JsonReader reader)
    {
        if (reader.Read())
        {
            throw new JsonSerializationException("Unexpected content after the JSON value.");
        }
    }

    /// <summary>Newtonsoft's reader rents its character buffer here instead of allocating one per body.</summary>
    private sealed class CharPool : IArrayPool<char>
    {
        internal static readonly CharPool Instance = new CharPool();

        public char[] Rent(int minimumLength) => System.Buffers.ArrayPool<char>.Shared.Rent(minimumLength);

        public void Return(char[]? array)
        {
            if (array != null)
            {
                System.Buffers.ArrayPool<char>.Shared.Return(array);
            }
        }
    }
}
