using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using NUnit.Framework;

namespace StarkSdk.Emulator.Tests;

/// <summary>
/// Reads a PNG's pixels back (IHDR, IDAT, zlib, the five scanline filters; 1-, 8-bit gray, palette and RGB(A)) and
/// samples them per QR module, giving the module matrix the image really shows.
/// </summary>
internal static class PngModules
{
    public static (int Width, int Height, bool[,] Dark) Pixels(byte[] png)
    {
        int width = 0, height = 0, depth = 0, colorType = 0;
        byte[] palette = Array.Empty<byte>();
        using var idat = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = (png[at] << 24) | (png[at + 1] << 16) | (png[at + 2] << 8) | png[at + 3];
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = (data[0] << 24) | (data[1] << 16) | (data[2] << 8) | data[3];
                    height = (data[4] << 24) | (data[5] << 16) | (data[6] << 8) | data[7];
                    depth = data[8];
                    colorType = data[9];
                    Assert.That(data[12], Is.EqualTo(0), "no interlacing");
                    break;
                case "PLTE":
                    palette = data.ToArray();
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
            }
            at += 12 + length;
        }
        var channels = colorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => throw new InvalidDataException("color type " + colorType) };
        var bitsPerPixel = channels * depth;
        var stride = (width * bitsPerPixel + 7) / 8;
        var bpp = Math.Max(1, bitsPerPixel / 8);
        idat.Position = 0;
        using var inflater = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflater.CopyTo(raw);
        var bytes = raw.ToArray();
        var dark = new bool[width, height];
        var previous = new byte[stride];
        for (var y = 0; y < height; y++)
        {
            var filter = bytes[y * (stride + 1)];
            var line = bytes.AsSpan(y * (stride + 1) + 1, stride).ToArray();
            for (var i = 0; i < stride; i++)
            {
                int a = i >= bpp ? line[i - bpp] : 0, b = previous[i], c = i >= bpp ? previous[i - bpp] : 0;
                line[i] = (byte)(line[i] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException("filter " + filter),
                });
            }
            for (var x = 0; x < width; x++)
                dark[x, y] = Luminance(line, x, depth, colorType, channels, palette) < 128;
            previous = line;
        }
        return (width, height, dark);
    }

    /// <summary>The modules shown, sampling each module's centre pixel.</summary>
    public static bool[,] Modules(byte[] png, int modules)
    {
        var (width, _, dark) = Pixels(png);
        var size = width / modules;
        var result = new bool[modules, modules];
        for (var y = 0; y < modules; y++)
            for (var x = 0; x < modules; x++)
                result[x, y] = dark[x * size + size / 2, y * size + size / 2];
        return result;
    }

    private static int Luminance(byte[] line, int x, int depth, int colorType, int channels, byte[] palette)
    {
        int Sample(int index)
        {
            if (depth == 8)
                return line[index];
            var bit = index * depth;
            var value = (line[bit / 8] >> (8 - depth - bit % 8)) & ((1 << depth) - 1);
            return colorType == 3 ? value : value * 255 / ((1 << depth) - 1);
        }
        var first = Sample(x * channels);
        return colorType switch
        {
            3 => palette[first * 3],
            2 or 6 => (Sample(x * channels) + Sample(x * channels + 1) + Sample(x * channels + 2)) / 3,
            _ => first,
        };
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
