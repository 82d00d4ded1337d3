using System;
using System.Collections.Generic;
using Newtonsoft.Json;

namespace StarkSdk.Core.Tests.Json;

public readonly struct Color : IStringEnum, IEquatable<Color>
{
    public Color(string value) => Value = value;
    public static Color Red => new("red");
    public static Color Green => new("green");
    public string Value { get; }
    public bool Equals(Color other) => Value == other.Value;
    public override bool Equals(object? obj) => obj is Color other && Equals(other);
    public override int GetHashCode() => Value?.GetHashCode() ?? 0;
}

public class Sample
{
    [JsonProperty("taxId")] public string? TaxId { get; set; }
    public long Amount { get; set; }
    public decimal Rate { get; set; }
    public string? Created { get; set; }
    public DateTimeOffset? Updated { get; set; }
    [JsonConverter(typeof(DateConverter))] public DateTime? Due { get; set; }
#if !STARKCORE_NETSTANDARD
    [JsonConverter(typeof(DateConverter))] public DateOnly? Day { get; set; }
#endif
    [JsonConverter(typeof(DateOrDateTimeConverter))] public DateTimeOffset? Scheduled { get; set; }
    public Color? Color { get; set; }
    public List<Color>? Colors { get; set; }
    public Dictionary<string, string>? Metadata { get; set; }
}

public class StarkJsonTests
{
    private static T Read<T>(string json) => JsonConvert.DeserializeObject<T>(json, StarkJson.Settings)!;
    private static string Write(object value) => JsonConvert.SerializeObject(value, StarkJson.Settings);

    [Test]
    public void OmitsNullsAndUsesCamelCaseWithoutTouchingDictionaryKeys()
    {
        var json = Write(new Sample { Amount = 10, Metadata = new() { ["OrderID"] = "1" } });
        Assert.That(json, Is.EqualTo("{\"amount\":10,\"rate\":0.0,\"metadata\":{\"OrderID\":\"1\"}}"));
    }

    [Test]
    public void IgnoresUnknownFieldsAndKeepsDateLookingTextAsText()
    {
        var sample = Read<Sample>("{\"amount\":1,\"brandNewField\":{\"x\":[1,2]},\"created\":\"2020-10-23T19:36:59.799815+00:00\"}");
        Assert.That(sample.Amount, Is.EqualTo(1));
        Assert.That(sample.Created, Is.EqualTo("2020-10-23T19:36:59.799815+00:00"));
    }

    [Test]
    public void ReadsFloatsAsDecimals()
    {
        var value = JsonConvert.DeserializeObject<object>("{\"rate\":0.1}", StarkJson.Settings) as Newtonsoft.Json.Linq.JObject;
        Assert.That(value!["rate"]!.Type, Is.EqualTo(Newtonsoft.Json.Linq.JTokenType.Float));
        Assert.That(((Newtonsoft.Json.Linq.JValue)value["rate"]!).Value, Is.TypeOf<decimal>());
        Assert.That(Read<Sample>("{\"rate\":0.1}").Rate, Is.EqualTo(0.1m));
    }

    [TestCase("2020-10-23T19:36:59.799815+00:00", "2020-10-23T19:36:59.7998150+00:00")]
    [TestCase("2020-03-27T03:31:00+00:00", "2020-03-27T03:31:00.0000000+00:00")]
    [TestCase("2020-03-27T00:31:00-03:00", "2020-03-27T03:31:00.0000000+00:00")]
    [TestCase("2020-03-27T03:31:00Z", "2020-03-27T03:31:00.0000000+00:00")]
    [TestCase("2020-03-27 03:31:00.000000", "2020-03-27T03:31:00.0000000+00:00")]
    [TestCase("2020-03-27T03:31:00.123456789+00:00", "2020-03-27T03:31:00.1234567+00:00")]
    public void ReadsAnyIsoDateTime(string text, string expectedUtc)
    {
        var sample = Read<Sample>("{\"updated\":\"" + text + "\"}");
        Assert.That(sample.Updated!.Value.ToUniversalTime().ToString("o"), Is.EqualTo(expectedUtc));
    }

    [Test]
    public void WritesDateTimesInUtcWithMicroseconds()
    {
        var value = new DateTimeOffset(2021, 1, 2, 0, 4, 5, TimeSpan.FromHours(-3)).AddTicks(1234567);
        Assert.That(Write(new Sample { Updated = value }), Does.Contain("\"updated\":\"2021-01-02T03:04:05.123456+00:00\""));
    }

    [Test]
    public void RejectsGarbageDateTimes()
    {
        Assert.Throws<JsonSerializationException>(() => Read<Sample>("{\"updated\":\"yesterday\"}"));
    }

    [Test]
    public void DateConverterReadsAndWritesDates()
    {
        var sample = Read<Sample>("{\"due\":\"2020-05-17\",\"day\":\"2021-12-31\"}");
        Assert.That(sample.Due, Is.EqualTo(new DateTime(2020, 5, 17)));
        var json = Write(new Sample { Due = new DateTime(2020, 5, 17, 23, 59, 0) });
        Assert.That(json, Does.Contain("\"due\":\"2020-05-17\""));
#if !STARKCORE_NETSTANDARD
        Assert.That(sample.Day, Is.EqualTo(new DateOnly(2021, 12, 31)));
        Assert.That(Write(new Sample { Day = new DateOnly(2021, 1, 2) }), Does.Contain("\"day\":\"2021-01-02\""));
#endif
        Assert.That(Read<Sample>("{\"due\":\"2020-05-17T02:00:00+00:00\"}").Due, Is.EqualTo(new DateTime(2020, 5, 17)));
        Assert.Throws<JsonSerializationException>(() => Read<Sample>("{\"due\":\"17/05/2020\"}"));
    }

    [Test]
    public void DateOrDateTimeConverterPicksTheShortestFaithfulForm()
    {
        Assert.That(Write(new Sample { Scheduled = new DateTimeOffset(2022, 3, 4, 0, 0, 0, TimeSpan.Zero) }), Does.Contain("\"scheduled\":\"2022-03-04\""));
        Assert.That(Write(new Sample { Scheduled = new DateTimeOffset(2022, 3, 4, 0, 0, 0, TimeSpan.FromHours(-3)) }), Does.Contain("\"scheduled\":\"2022-03-04T03:00:00.000000+00:00\""));
        Assert.That(Read<Sample>("{\"scheduled\":\"2022-03-04\"}").Scheduled, Is.EqualTo(new DateTimeOffset(2022, 3, 4, 0, 0, 0, TimeSpan.Zero)));
        Assert.That(Read<Sample>("{\"scheduled\":\"2022-03-04T10:00:00+00:00\"}").Scheduled, Is.EqualTo(new DateTimeOffset(2022, 3, 4, 10, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void StringEnumsRoundTripAndKeepUnknownValues()
    {
        var sample = Read<Sample>("{\"color\":\"ultraviolet\",\"colors\":[\"red\",\"green\"]}");
        Assert.That(sample.Color!.Value.Value, Is.EqualTo("ultraviolet"));
        Assert.That(sample.Colors, Is.EqualTo(new[] { Color.Red, Color.Green }));
        Assert.That(Write(new Sample { Color = Color.Green }), Does.Contain("\"color\":\"green\""));
    }

    [Test]
    public void JsonEnvelopeWrapsTheValue()
    {
        var json = Write(new JsonEnvelope("invoices", new[] { new Sample { Amount = 5 } }));
        Assert.That(json, Is.EqualTo("{\"invoices\":[{\"amount\":5,\"rate\":0.0}]}"));
    }

    [Test]
    public void SettingsAreACopySoCallersCannotChangeTheSdk()
    {
        var settings = StarkJson.Settings;
        settings.NullValueHandling = NullValueHandling.Include;
        Assert.That(StarkJson.Settings.NullValueHandling, Is.EqualTo(NullValueHandling.Ignore));
    }
}
