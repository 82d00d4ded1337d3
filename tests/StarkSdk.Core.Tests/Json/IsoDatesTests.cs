using System;
using System.Globalization;

namespace StarkSdk.Core.Tests.Json;

/// <summary>The allocation-free reader of the API's date-time form gives what the general (regex) reader gives.</summary>
public class IsoDatesTests
{
    [TestCase("2020-10-26T01:50:50.264656+00:00")]
    [TestCase("2020-10-26T01:50:50+00:00")]
    [TestCase("2020-10-26T01:50:50Z")]
    [TestCase("2020-10-26T01:50:50.1Z")]
    [TestCase("2020-10-26T01:50:50.123456789-03:00")]
    [TestCase("2020-10-26T23:59:59.9999999+14:00")]
    [TestCase("2020-10-26T00:00:00.000000-14:00")]
    [TestCase("2024-02-29T12:00:00+05:30")]
    [TestCase("0001-01-01T00:00:00+00:00")]
    [TestCase("9999-12-31T23:59:59.9999999+00:00")]
    [TestCase("0001-01-01T00:00:00+01:00")]
    [TestCase("9999-12-31T23:59:59-01:00")]
    [TestCase("2020-10-26")]
    public void TheCanonicalFormsReadAsTheGeneralReaderReadsThem(string text)
    {
        var general = IsoDates.TryParseGeneral(text, out var expected);
        var canonical = IsoDates.TryParseCanonical(text, out var actual);
        if (canonical)
        {
            Assert.That(general, Is.True);
            Assert.That(actual.UtcTicks, Is.EqualTo(expected.UtcTicks));
            Assert.That(actual.Offset, Is.EqualTo(expected.Offset));
        }

        Assert.That(IsoDates.TryParseDateTime(text, out var value), Is.EqualTo(general));
        Assert.That(value, Is.EqualTo(expected));
        Assert.That(value.Offset, Is.EqualTo(expected.Offset));
    }

    [TestCase("2020-10-26 01:50:50+00:00")]
    [TestCase("2020-10-26t01:50:50z")]
    [TestCase("2020-10-26T01:50:50")]
    [TestCase("2020-10-26T01:50+00:00")]
    [TestCase("2020-10-26T01:50:50+0000")]
    [TestCase("2020-10-26T01:50:50+00")]
    [TestCase(" 2020-10-26T01:50:50Z ")]
    [TestCase("2020-02-30T01:50:50Z")]
    [TestCase("2020-13-01T01:50:50Z")]
    [TestCase("2020-10-26T24:00:00Z")]
    [TestCase("2020-10-26T01:60:00Z")]
    [TestCase("2020-10-26T01:50:60Z")]
    [TestCase("2020-10-26T01:50:50.Z")]
    [TestCase("2020-10-26T01:50:50+15:00")]
    [TestCase("2020-10-26T01:50:50+01:60")]
    [TestCase("20201026")]
    [TestCase("")]
    [TestCase("2020-1O-26T01:50:50Z")]
    public void OtherFormsGoToTheGeneralReader(string text)
    {
        var general = IsoDates.TryParseGeneral(text, out var expected);
        if (IsoDates.TryParseCanonical(text, out var actual))
        {
            Assert.That(general, Is.True, "the fast reader accepted what the general one rejects");
            Assert.That(actual, Is.EqualTo(expected));
            Assert.That(actual.Offset, Is.EqualTo(expected.Offset));
        }

        Assert.That(IsoDates.TryParseDateTime(text, out var value), Is.EqualTo(general));
        Assert.That(value, Is.EqualTo(expected));
    }

    [Test]
    public void RandomInstantsAndOffsetsAgree()
    {
        var random = new Random(8601);
        for (var i = 0; i < 5000; i++)
        {
            var ticks = (long)(random.NextDouble() * (DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay * 2)) + TimeSpan.TicksPerDay;
            var offset = TimeSpan.FromMinutes(random.Next(-14 * 60, 14 * 60 + 1));
            var instant = new DateTimeOffset(new DateTime(ticks, DateTimeKind.Unspecified), offset);
            var format = (i % 4) switch
            {
                0 => "yyyy-MM-dd'T'HH:mm:ss.ffffffzzz",
                1 => "yyyy-MM-dd'T'HH:mm:ss.fffffffzzz",
                2 => "yyyy-MM-dd'T'HH:mm:sszzz",
                _ => "yyyy-MM-dd",
            };
            var text = instant.ToString(format, CultureInfo.InvariantCulture);
            Assert.That(IsoDates.TryParseGeneral(text, out var expected), Is.True, text);
            Assert.That(IsoDates.TryParseCanonical(text, out var actual), Is.True, text);
            Assert.That(actual, Is.EqualTo(expected), text);
            Assert.That(actual.Offset, Is.EqualTo(expected.Offset), text);
        }
    }
}
