using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace StarkSdk.Emulator.Behaviours;

/// <summary>Pix BR codes (EMV QR code payloads) as the sandbox shows them, and reading their fields.</summary>
public static class PixCodes
{
    /// <summary>A dynamic BR code pointing at <c>brcode-h.sandbox.starkinfra.com/v2/{uuid}</c>, with a valid CRC16.</summary>
    public static string Dynamic(string uuid, string receiverName = "Stark Bank S.A. - Instituicao de Pagamento", string city = "Sao Paulo")
    {
        var url = "brcode-h.sandbox.starkinfra.com/v2/" + uuid;
        var account = Field("00", "br.gov.bcb.pix") + Field("25", url);
        var payload = Field("00", "01") + Field("01", "12") + Field("26", account) + Field("52", "0000") + Field("53", "986")
            + Field("58", "BR") + Field("59", Truncate(receiverName, 25)) + Field("60", Truncate(city, 15)) + Field("62", Field("05", "***"));
        return WithCrc(payload);
    }

    /// <summary>The top-level fields of an EMV payload (id → value); empty when it is not one.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string brcode)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = 0;
        while (i + 4 <= brcode.Length)
        {
            var id = brcode.Substring(i, 2);
            if (!int.TryParse(brcode.AsSpan(i + 2, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var length) || i + 4 + length > brcode.Length)
                return new Dictionary<string, string>();
            fields[id] = brcode.Substring(i + 4, length);
            i += 4 + length;
        }
        return fields;
    }

    /// <summary>The amount (field 54) in cents, if the code carries one.</summary>
    public static long? Amount(string brcode) =>
        Parse(brcode).TryGetValue("54", out var text) && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var reais)
            ? (long)Math.Round(reais * 100m)
            : null;

    /// <summary>The receiver's name (field 59), if any.</summary>
    public static string? ReceiverName(string brcode) => Parse(brcode).TryGetValue("59", out var name) ? name : null;

    /// <summary>Whether the code is dynamic (its merchant account information carries a URL, field 25).</summary>
    public static bool IsDynamic(string brcode) =>
        Parse(brcode).TryGetValue("26", out var account) && Parse(account).ContainsKey("25");

    private static string Field(string id, string value) => id + value.Length.ToString("D2", CultureInfo.InvariantCulture) + value;

    private static string Truncate(string text, int length)
    {
        var ascii = new string(text.Normalize(NormalizationForm.FormD).Where(c => c < 128).ToArray());
        return ascii.Length <= length ? ascii : ascii.Substring(0, length);
    }

    private static string WithCrc(string payload)
    {
        var data = payload + "6304";
        ushort crc = 0xFFFF;
        foreach (var b in Encoding.ASCII.GetBytes(data))
        {
            crc ^= (ushort)(b << 8);
            for (var k = 0; k < 8; k++)
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
        }
        return data + crc.ToString("X4", CultureInfo.InvariantCulture);
    }
}
