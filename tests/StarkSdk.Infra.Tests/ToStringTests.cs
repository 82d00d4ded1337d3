using Newtonsoft.Json.Linq;
using NUnit.Framework;
using StarkSdk.Core;

namespace StarkSdk.Infra.Tests;

/// <summary>The generated <c>ToString()</c> shows the JSON of a model without its secrets.</summary>
public class ToStringTests
{
    [Test]
    public void APasswordIsNeverShownButIsSent()
    {
        var director = new PixDirector
        {
            Name = "Edward Stark",
            TaxId = "03.300.300/0001-00",
            Phone = "+55-11999999999",
            Email = "ned.stark@company.com",
            Password = "12345678",
            TeamEmail = "pix.team@company.com",
            TeamPhones = new[] { "+55-11988889999" },
        };

        var text = director.ToString();

        Assert.That(text, Does.Not.Contain("12345678").And.Not.Contain("password"));
        Assert.That((string?)JObject.Parse(text)["name"], Is.EqualTo("Edward Stark"));
        Assert.That((string?)JObject.FromObject(director, StarkJson.Serializer)["password"], Is.EqualTo("12345678"));
    }

    [Test]
    public void AnIssuingCardHidesItsNumberAndSecurityCode()
    {
        var card = StarkInfraModelFactory.IssuingCard(id: "1", holderName: "Arya Stark", number: "5277696455399733", securityCode: "123");

        var text = card.ToString();

        Assert.That(text, Does.Not.Contain("5277696455399733").And.Not.Contain("securityCode"));
        Assert.That((string?)JObject.Parse(text)["id"], Is.EqualTo("1"));
    }
}
