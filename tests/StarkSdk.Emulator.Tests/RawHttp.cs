using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using StarkSdk.Core;

namespace StarkSdk.Emulator.Tests;

/// <summary>
/// HTTP/1.1 over a raw socket, so that tests can send what HttpClient would fix up: malformed paths, exact body bytes,
/// any Content-Type, a signature over different bytes than the body, chunked bodies.
/// </summary>
internal static class RawHttp
{
    /// <summary>A request to send as is.</summary>
    internal sealed record Request(string Method, string Target, byte[] Body)
    {
        public string? ContentType { get; init; } = "application/json";

        public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

        public bool Chunked { get; init; }
    }

    /// <summary>The Access-* headers of <paramref name="signedBytes"/> (which may differ from the body sent).</summary>
    public static Dictionary<string, string> Signed(string accessId, PrivateKey key, byte[] signedBytes, long? accessTime = null)
    {
        var time = (accessTime ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture);
        var prefix = Encoding.UTF8.GetBytes(accessId + ":" + time + ":");
        return new Dictionary<string, string>
        {
            ["Access-Id"] = accessId,
            ["Access-Time"] = time,
            ["Access-Signature"] = key.Sign(prefix.Concat(signedBytes).ToArray()),
        };
    }

    public static async Task<ApiResponse> SendAsync(Uri baseUri, Request request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(baseUri.Host, baseUri.Port);
        await using var stream = tcp.GetStream();
        var head = new StringBuilder();
        head.Append(request.Method).Append(' ').Append(request.Target).Append(" HTTP/1.1\r\n");
        head.Append("Host: ").Append(baseUri.Authority).Append("\r\n");
        head.Append("Connection: close\r\n");
        if (request.ContentType != null)
            head.Append("Content-Type: ").Append(request.ContentType).Append("\r\n");
        foreach (var (name, value) in request.Headers)
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        head.Append(request.Chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {request.Body.Length}\r\n");
        head.Append("\r\n");
        using var buffer = new MemoryStream();
        buffer.Write(Encoding.Latin1.GetBytes(head.ToString()));
        if (request.Chunked)
        {
            foreach (var chunk in request.Body.Chunk(8192))
            {
                buffer.Write(Encoding.ASCII.GetBytes(chunk.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n"));
                buffer.Write(chunk);
                buffer.Write("\r\n"u8);
            }
            buffer.Write("0\r\n\r\n"u8);
        }
        else
        {
            buffer.Write(request.Body);
        }
        // Read while writing: a server that answers before reading the whole body (413) may close the connection, and
        // a response already received must not be lost to the reset that follows.
        using var response = new MemoryStream();
        var reading = ReadAllAsync(stream, response);
        try
        {
            await stream.WriteAsync(buffer.ToArray());
        }
        catch (IOException)
        {
            // The server stopped reading (and answered): its answer is still readable.
        }
        await reading;
        return Parse(response.ToArray());
    }

    private static async Task ReadAllAsync(Stream stream, MemoryStream into)
    {
        try
        {
            await stream.CopyToAsync(into);
        }
        catch (IOException) when (into.Length > 0)
        {
        }
    }

    private static ApiResponse Parse(byte[] raw)
    {
        var text = Encoding.Latin1.GetString(raw);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
            throw new InvalidDataException("no HTTP response: " + text);
        var lines = text.Substring(0, end).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        string? contentType = null;
        foreach (var line in lines.Skip(1))
        {
            if (line.StartsWith("Content-Type:", StringComparison.OrdinalIgnoreCase))
                contentType = line.Substring("Content-Type:".Length).Trim();
        }
        var body = raw.AsSpan(end + 4).ToArray();
        JToken? json = null;
        if (body.Length > 0 && contentType != null && contentType.Contains("json", StringComparison.Ordinal))
            json = Json.Parse(Encoding.UTF8.GetString(body));
        return new ApiResponse((System.Net.HttpStatusCode)status, contentType, body, json);
    }
}
