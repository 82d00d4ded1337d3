using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using StarkSdk.Bank;
using StarkSdk.Core;

namespace StarkSdk.Json.Tests;

/// <summary>A class a user derives from a generated model is (de)serialized by reflection, its own members included.</summary>
public class UserTypeTests
{
    public class TaggedInvoice : Invoice
    {
        [JsonProperty("internalNote")]
        public string? InternalNote { get; set; }
    }

    [Test]
    public void AUserSubclassRoundTripsByReflection()
    {
        var invoice = new TaggedInvoice { Amount = 100, Name = "Arya Stark", TaxId = "012.345.678-90", InternalNote = "vip" };

        var json = Both.Write(StarkJson.Serializer, invoice);
        var read = (TaggedInvoice)Both.Read(StarkJson.Serializer, json, typeof(TaggedInvoice))!;

        Assert.That((string?)JObject.Parse(json)["internalNote"], Is.EqualTo("vip"));
        Assert.That((long)JObject.Parse(json)["amount"]!, Is.EqualTo(100L));
        Assert.That(read.InternalNote, Is.EqualTo("vip"));
        Assert.That(read.Amount, Is.EqualTo(100L));
        Assert.That(read.Name, Is.EqualTo("Arya Stark"));
    }
}
