using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace StarkSdk.Infra.Tests;

/// <summary><see cref="EndToEndId"/> and <see cref="ReturnId"/>: the Central Bank's format, UTC, random, validated bank codes.</summary>
public class PixIdTests
{
    private static readonly Regex EndToEnd = new("^E[0-9]{8}[0-9]{12}[A-Za-z0-9]{11}$");
    private static readonly Regex Return = new("^D[0-9]{8}[0-9]{12}[A-Za-z0-9]{11}$");

    [Test]
    public void EndToEndIdsHaveTheFormat()
    {
        var id = EndToEndId.Create("20018183");
        Assert.That(id, Does.Match(EndToEnd.ToString()));
        Assert.That(id, Has.Length.EqualTo(32));
        Assert.That(id.Substring(1, 8), Is.EqualTo("20018183"));
        Assert.That(EndToEndId.IsValid(id), Is.True);
    }

    [Test]
    public void ReturnIdsHaveTheFormat()
    {
        var id = ReturnId.Create("20018183");
        Assert.That(id, Does.Match(Return.ToString()));
        Assert.That(id.Substring(1, 8), Is.EqualTo("20018183"));
        Assert.That(ReturnId.IsValid(id), Is.True);
        Assert.That(EndToEndId.IsValid(id), Is.False, "a return id starts with D");
    }

    [TestCase("E79457883202101262140HHX553UPqeq")]
    [TestCase("E00000000202201060100rzsJzG9PzMg")]
    [TestCase("E20018183202201201450u34sDGd19lz")]
    public void TheReadmeEndToEndIdsAreValid(string id) => Assert.That(EndToEndId.IsValid(id), Is.True);

    [Test]
    public void TheReadmeReturnIdIsValid() => Assert.That(ReturnId.IsValid("D20018183202202030109X3OoBHG74wo"), Is.True);

    [TestCase(null)]
    [TestCase("")]
    [TestCase("E20018183202201201450u34sDGd19l")]
    [TestCase("E20018183202201201450u34sDGd19lzz")]
    [TestCase("X20018183202201201450u34sDGd19lz")]
    [TestCase("E2001818A202201201450u34sDGd19lz")]
    [TestCase("E20018183202213201450u34sDGd19lz")]
    [TestCase("E20018183202201201450u34sDGd19-z")]
    public void MalformedIdsAreNotValid(string? id) => Assert.That(EndToEndId.IsValid(id), Is.False);

    [Test]
    public void TheTimestampIsTheClocksTimeInUtc()
    {
        // 21:40 in São Paulo (UTC-3) is 00:40 UTC of the next day.
        var local = new DateTimeOffset(2021, 1, 26, 21, 40, 59, TimeSpan.FromHours(-3));
        Assert.That(EndToEndId.Create("79457883", () => local).Substring(9, 12), Is.EqualTo("202101270040"));
        Assert.That(ReturnId.Create("20018183", () => new DateTimeOffset(2022, 2, 3, 1, 9, 0, TimeSpan.Zero)).Substring(0, 21), Is.EqualTo("D20018183202202030109"));
    }

    [Test]
    public void WithoutAClockTheTimestampIsNowInUtc()
    {
        var before = DateTimeOffset.UtcNow;
        var id = EndToEndId.Create("20018183");
        var after = DateTimeOffset.UtcNow;
        var stamp = DateTimeOffset.ParseExact(id.Substring(9, 12) + "+00:00", "yyyyMMddHHmmzzz", System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(stamp, Is.InRange(before.AddTicks(-(before.Ticks % TimeSpan.TicksPerMinute)), after));
    }

    [Test]
    public void IdsAreUniqueAndTheirTailsUseTheWholeAlphabet()
    {
        var clock = new DateTimeOffset(2022, 1, 20, 14, 50, 0, TimeSpan.Zero);
        var ids = Enumerable.Range(0, 20_000).Select(_ => EndToEndId.Create("20018183", () => clock)).ToList();
        Assert.That(ids.Distinct().Count(), Is.EqualTo(ids.Count), "no repeat among 20,000 ids of the same minute");
        var counts = ids.SelectMany(id => id.Substring(21)).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        Assert.That(counts.Keys.OrderBy(c => c), Is.EqualTo("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".OrderBy(c => c)));
        // 220,000 characters over 62 symbols: about 3,548 each; a biased draw (e.g. byte % 62) would skew the first ones.
        Assert.That(counts.Values.Min(), Is.GreaterThan(3_200));
        Assert.That(counts.Values.Max(), Is.LessThan(3_900));
    }

    [TestCase("2001818")]
    [TestCase("200181830")]
    [TestCase("2001818A")]
    [TestCase("20018 83")]
    [TestCase("")]
    [TestCase(" 20018183")]
    [TestCase("２００１８１８３")]
    public void ABankCodeThatIsNotEightDigitsIsRejected(string bankCode)
    {
        var error = Assert.Throws<ArgumentException>(() => EndToEndId.Create(bankCode))!;
        Assert.That(error.ParamName, Is.EqualTo("bankCode"));
        Assert.That(error.Message, Does.Contain("8 digits"));
        Assert.Throws<ArgumentException>(() => ReturnId.Create(bankCode));
    }

    [Test]
    public void ANullBankCodeIsRejected()
    {
        Assert.That(() => EndToEndId.Create(null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("bankCode"));
        Assert.That(() => ReturnId.Create(null!), Throws.ArgumentNullException);
    }
}
