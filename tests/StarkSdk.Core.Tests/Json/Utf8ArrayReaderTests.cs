using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace StarkSdk.Core.Tests.Json;

/// <summary>The reader that decodes response and webhook bytes without buffers must read exactly what StreamReader reads.</summary>
public class Utf8ArrayReaderTests
{
    private static readonly string[] Texts =
    {
        "",
        "{\"name\": \"Arya\"}",
        "{\"name\": \"Jo\u00e3o \u00c1lvares\", \"emoji\": \"\U0001F600\U0001F4B8\", \"cjk\": \"\u6f22\u5b57\"}",
        new string('x', 5000) + "\U0001F600" + new string('\u00e9', 3000),
    };

    [TestCaseSource(nameof(Chunks))]
    public void Reads_the_same_characters_as_StreamReader_whatever_the_block_size(int chunk)
    {
        foreach (var text in Texts)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            Assert.That(ReadAll(new Utf8ArrayReader(bytes, 0, bytes.Length), chunk), Is.EqualTo(text), $"block of {chunk}");
        }
    }

    [Test]
    public void Reads_only_its_slice_of_the_array()
    {
        var bytes = Encoding.UTF8.GetBytes("garbage{\"a\": \"\u00e9\"}garbage");
        Assert.That(ReadAll(new Utf8ArrayReader(bytes, 7, bytes.Length - 14), 3), Is.EqualTo("{\"a\": \"\u00e9\"}"));
    }

    [Test]
    public void A_UTF8_byte_order_mark_is_skipped_as_StreamReader_does()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("{}")).ToArray();
        Assert.That(ReadAll(new Utf8ArrayReader(bytes, 0, bytes.Length), 16), Is.EqualTo(new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false), true).ReadToEnd()));
    }

    [Test]
    public void Invalid_bytes_become_replacement_characters_as_with_StreamReader()
    {
        var bytes = new byte[] { (byte)'"', 0xC3, (byte)'x', 0xFF, 0xE2, 0x82, (byte)'"', 0xF0, 0x9F };
        var expected = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false), false).ReadToEnd();
        foreach (var chunk in new[] { 1, 2, 3, 64 })
        {
            Assert.That(ReadAll(new Utf8ArrayReader(bytes, 0, bytes.Length), chunk), Is.EqualTo(expected), $"block of {chunk}");
        }
    }

    [Test]
    public void UTF16_and_UTF32_byte_order_marks_are_recognised_for_StreamReader_to_decode()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Utf8ArrayReader.HasOtherByteOrderMark(new byte[] { 0xFF, 0xFE, 0x7B, 0x00 }, 0, 4), Is.True);
            Assert.That(Utf8ArrayReader.HasOtherByteOrderMark(new byte[] { 0xFE, 0xFF, 0x00, 0x7B }, 0, 4), Is.True);
            Assert.That(Utf8ArrayReader.HasOtherByteOrderMark(new byte[] { 0x00, 0x00, 0xFE, 0xFF }, 0, 4), Is.True);
            Assert.That(Utf8ArrayReader.HasOtherByteOrderMark(Encoding.UTF8.GetBytes("{}"), 0, 2), Is.False);
        });
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("{\"cursor\": null, \"items\": [1, 2]}")).ToArray();
        var result = JsonBody.Read<List<int>>(utf16, 0, utf16.Length, "items");
        Assert.That(result.Value, Is.EqualTo(new[] { 1, 2 }));
    }

    [Test]
    public void Single_character_reads_return_every_character_then_the_end()
    {
        var bytes = Encoding.UTF8.GetBytes("a\U0001F600");
        var reader = new Utf8ArrayReader(bytes, 0, bytes.Length);
        var read = new List<int>();
        for (var c = reader.Read(); c != -1; c = reader.Read())
        {
            read.Add(c);
        }

        Assert.That(read, Is.EqualTo("a\U0001F600".Select(c => (int)c)));
    }

    private static IEnumerable<int> Chunks() => new[] { 1, 2, 3, 7, 1024 };

    private static string ReadAll(TextReader reader, int chunk)
    {
        var buffer = new char[chunk];
        var text = new StringBuilder();
        int read;
        while ((read = reader.Read(buffer, 0, chunk)) > 0)
        {
            text.Append(buffer, 0, read);
        }

        return text.ToString();
    }
}
