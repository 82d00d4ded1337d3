using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using StarkSdk.Emulator.Behaviours;

namespace StarkSdk.Emulator.Tests;

/// <summary>
/// Property tests of the Pix BR code parser over thousands of generated boleto lines, bar codes and BR codes (seeded
/// RNG, so every run checks the same inputs): no boleto is taken for a BR code, every well-formed BR code is one, and
/// a BR code with a changed character, trailing text or field 00 out of place is not.
/// </summary>
public sealed class PixCodePropertyTests
{
    private const int Count = 5000;

    [Test]
    public void No_generated_boleto_line_or_bar_code_is_a_brcode()
    {
        var random = new Random(18);
        var misclassified = new List<string>();
        for (var i = 0; i < Count; i++)
        {
            var barCode = RandomBarCode(random);
            var line = BoletoNumbers.Line(barCode);
            foreach (var text in new[] { barCode, line, BoletoNumbers.Digits(line) })
            {
                if (PixCodes.IsBrcode(text) || PixCodes.Parse(text).Count > 0)
                    misclassified.Add(text);
            }
        }
        Assert.That(misclassified, Is.Empty);
    }

    [Test]
    public void The_line_of_the_issue_is_not_a_brcode() =>
        Assert.That(PixCodes.IsBrcode("34190.90067 59349.011425 17486.403151 1 16620000400000"), Is.False);

    [Test]
    public void Every_generated_brcode_is_one_and_carries_its_amount()
    {
        var random = new Random(19);
        var problems = new List<string>();
        for (var i = 0; i < Count; i++)
        {
            var amount = random.Next(1, 10_000_000);
            var brcode = i % 2 == 0 ? StaticBrcode(random, amount) : PixCodes.Dynamic(Hex(random, 32), RandomName(random));
            if (!PixCodes.IsBrcode(brcode))
                problems.Add("not recognised: " + brcode);
            else if (i % 2 == 0 && PixCodes.Amount(brcode) != amount)
                problems.Add($"amount {PixCodes.Amount(brcode)} instead of {amount}: {brcode}");
        }
        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void A_brcode_with_a_changed_character_trailing_text_or_field_00_out_of_place_is_not_one()
    {
        var random = new Random(20);
        var accepted = new List<string>();
        for (var i = 0; i < Count; i++)
        {
            var brcode = StaticBrcode(random, random.Next(1, 1_000_000));
            var position = random.Next(brcode.Length);
            var replacement = Alphabet[random.Next(Alphabet.Length)];
            // A change of case in the CRC's hex digits is the same checksum: change the character itself.
            while (char.ToUpperInvariant(replacement) == char.ToUpperInvariant(brcode[position]))
                replacement = Alphabet[random.Next(Alphabet.Length)];
            var changed = brcode.Substring(0, position) + replacement + brcode.Substring(position + 1);
            var trailing = brcode + Alphabet[random.Next(Alphabet.Length)];
            var fields = PixCodes.Fields(brcode.Substring(0, brcode.Length - 8))!;
            (fields[0], fields[1]) = (fields[1], fields[0]);
            var reordered = PixCodes.WithCrc(string.Concat(fields.Select(f => Field(f.Id, f.Value))));
            foreach (var text in new[] { changed, trailing, reordered })
            {
                if (PixCodes.IsBrcode(text))
                    accepted.Add(text);
            }
        }
        Assert.That(accepted, Is.Empty);
    }

    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz ./-";

    internal static string RandomBarCode(Random random)
    {
        var amount = (long)random.Next(1, int.MaxValue) * random.Next(1, 5);
        var due = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(random.Next(0, 20 * 365));
        return BoletoNumbers.BarCode(amount, due, Digits(random, 25));
    }

    internal static string StaticBrcode(Random random, long cents)
    {
        var key = random.Next(3) switch
        {
            0 => Digits(random, 11),
            1 => Hex(random, 8) + "-" + Hex(random, 4) + "-" + Hex(random, 4) + "-" + Hex(random, 4) + "-" + Hex(random, 12),
            _ => "+55" + Digits(random, 11),
        };
        var amount = (cents / 100).ToString(CultureInfo.InvariantCulture) + "." + (cents % 100).ToString("D2", CultureInfo.InvariantCulture);
        var payload = Field("00", "01") + Field("26", Field("00", "br.gov.bcb.pix") + Field("01", key)) + Field("52", "0000")
            + Field("53", "986") + Field("54", amount) + Field("58", "BR") + Field("59", RandomName(random)) + Field("60", "Sao Paulo")
            + Field("62", Field("05", Digits(random, 10)));
        return PixCodes.WithCrc(payload);
    }

    private static string Field(string id, string value) => id + value.Length.ToString("D2", CultureInfo.InvariantCulture) + value;

    private static string Digits(Random random, int count) => new(Enumerable.Range(0, count).Select(_ => (char)('0' + random.Next(10))).ToArray());

    private static string Hex(Random random, int count) => new(Enumerable.Range(0, count).Select(_ => "0123456789abcdef"[random.Next(16)]).ToArray());

    private static string RandomName(Random random) => new[] { "Arya Stark", "Jon Snow", "Tyrion Lannister", "Iron Bank S.A.", "Daenerys" }[random.Next(5)];
}

/// <summary>Payment previews and BR code payments classify generated boletos and BR codes by the strict parser.</summary>
public sealed class PixCodeClassificationTests : EmulatorTest
{
    [Test]
    public async Task Previews_classify_generated_boleto_lines_and_brcodes()
    {
        var random = new Random(21);
        var expected = new List<(string Id, string Type)>();
        for (var i = 0; i < 20; i++)
        {
            expected.Add((BoletoNumbers.Line(PixCodePropertyTests.RandomBarCode(random)), "boleto-payment"));
            expected.Add((PixCodePropertyTests.StaticBrcode(random, random.Next(1, 100_000)), "brcode-payment"));
        }

        var response = await Client.PostAsync("/v2/payment-preview",
            new JObject { ["previews"] = new JArray(expected.Select(e => (object)new JObject { ["id"] = e.Id }).ToArray()) });

        Assert.That((int)response.Status, Is.EqualTo(200), response.ToString());
        Assert.That(response.Body["previews"]!.Select(p => (string?)p["type"]), Is.EqualTo(expected.Select(e => e.Type)));
    }

    [Test]
    public async Task A_brcode_payment_with_a_bad_crc_is_refused()
    {
        var brcode = PixCodePropertyTests.StaticBrcode(new Random(22), 1234);
        var bad = brcode.Substring(0, brcode.Length - 4) + (brcode.EndsWith("0000", StringComparison.Ordinal) ? "0001" : "0000");

        var response = await Client.PostAsync("/v2/brcode-payment", new JObject
        {
            ["payments"] = new JArray(new JObject { ["brcode"] = bad, ["taxId"] = "012.345.678-90", ["description"] = "bad checksum" }),
        });

        Assert.That((int)response.Status, Is.EqualTo(400), response.ToString());
        Assert.That(response.ToString(), Does.Contain("brcode"));
    }
}
