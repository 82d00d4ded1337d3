using System;
using System.IO;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace StarkSdk.Emulator.Content;

/// <summary>
/// Writes small, valid grayscale PNGs that look like a QR code: finder squares in three corners and a pattern derived
/// from the content's SHA-256. It is not a scannable QR code; it stands in for the API's QR code images.
/// </summary>
public static class PngWriter
{
    private const int Modules = 29;
    private static readonly uint[] CrcTable = BuildCrcTable();

    private const int QuietZone = 4;

    /// <summary>Renders a QR-like image of <paramref name="content"/>: 29 modules plus a 4-module quiet zone on each side, <paramref name="modulePixels"/> pixels per module (clamped to 1..50; 7 by default, as the API).</summary>
    public static byte[] QrLike(string content, int modulePixels = 7)
    {
        var scale = Math.Max(1, Math.Min(50, modulePixels));
        var width = (Modules + 2 * QuietZone) * scale;
        var bits = Pattern(content);

        var raw = new byte[(width + 1) * width];
        for (var y = 0; y < width; y++)
        {
            var row = y * (width + 1);
            raw[row] = 0; // filter: none
            for (var x = 0; x < width; x++)
            {
                var mx = x / scale - QuietZone;
                var my = y / scale - QuietZone;
                var dark = mx >= 0 && my >= 0 && mx < Modules && my < Modules && bits[my, mx];
                raw[row + 1 + x] = dark ? (byte)0 : (byte)255;
            }
        }

        using var png = new MemoryStream();
        png.Write(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        var header = new byte[13];
        WriteUInt32(header, 0, (uint)width);
        WriteUInt32(header, 4, (uint)width);
        header[8] = 8; // bit depth
        header[9] = 0; // grayscale
        Chunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
                zlib.Write(raw, 0, raw.Length);
            Chunk(png, "IDAT", compressed.ToArray());
        }
        Chunk(png, "IEND", Array.Empty<byte>());
        return png.ToArray();
    }

    private static bool[,] Pattern(string content)
    {
        var bits = new bool[Modules, Modules];
        var seed = SHA256.HashData(Encoding.UTF8.GetBytes(content));
        var counter = 0;
        byte[] block = seed;
        var bit = 0;
        for (var y = 0; y < Modules; y++)
        {
            for (var x = 0; x < Modules; x++)
            {
                if (bit == block.Length * 8)
                {
                    block = SHA256.HashData(Concat(seed, BitConverter.GetBytes(++counter)));
                    bit = 0;
                }
                bits[y, x] = (block[bit / 8] >> (bit % 8) & 1) == 1;
                bit++;
            }
        }
        Finder(bits, 0, 0);
        Finder(bits, Modules - 7, 0);
        Finder(bits, 0, Modules - 7);
        return bits;
    }

    private static void Finder(bool[,] bits, int left, int top)
    {
        for (var y = -1; y <= 7; y++)
        {
            for (var x = -1; x <= 7; x++)
            {
                var px = left + x;
                var py = top + y;
                if (px < 0 || py < 0 || px >= Modules || py >= Modules)
                    continue;
                var ring = Math.Max(Math.Abs(x - 3), Math.Abs(y - 3));
                bits[py, px] = ring != 2 && ring != 4;
            }
        }
    }

    private static byte[] Concat(byte[] a, byte[] b)
    {
        var result = new byte[a.Length + b.Length];
        Buffer.BlockCopy(a, 0, result, 0, a.Length);
        Buffer.BlockCopy(b, 0, result, a.Length, b.Length);
        return result;
    }

    private static void Chunk(Stream stream, string type, byte[] data)
    {
        var length = new byte[4];
        WriteUInt32(length, 0, (uint)data.Length);
        stream.Write(length);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        stream.Write(typeBytes);
        stream.Write(data);
        var crc = Crc(Concat(typeBytes, data));
        var crcBytes = new byte[4];
        WriteUInt32(crcBytes, 0, crc);
        stream.Write(crcBytes);
    }

    private static void WriteUInt32(byte[] buffer, int offset, uint value)
    {
        buffer[offset] = (byte)(value >> 24);
        buffer[offset + 1] = (byte)(value >> 16);
        buffer[offset + 2] = (byte)(value >> 8);
        buffer[offset + 3] = (byte)value;
    }

    private static uint Crc(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
