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

    /// <summary>
    /// Whether <paramref name="brcode"/> is a well-formed Pix BR code: EMV fields covering the whole text with nothing
    /// after them, field 00 (payload format "01") first, and field 63 last holding the CRC16-CCITT of everything before
    /// its value. A boleto line or any text that merely splits into EMV-looking fields is not one.
    /// </summary>
    public static bool IsBrcode(string? brcode)
    {
        if (string.IsNullOrEmpty(brcode) || Fields(brcode) is not { Count: >= 2 } fields)
            return false;
        if (fields[0].Id != "00" || fields[0].Value != "01")
            return false;
        var last = fields[fields.Count - 1];
        if (last.Id != "63" || last.Value.Length != 4)
            return false;
        return string.Equals(Crc16(brcode.Substring(0, brcode.Length - 4)), last.Value, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The top-level fields of a Pix BR code (id → value); empty when it is not one (see <see cref="IsBrcode"/>).</summary>
    public static IReadOnlyDictionary<string, string> Parse(string? brcode) =>
        IsBrcode(brcode) ? ToDictionary(Fields(brcode!)!) : new Dictionary<string, string>();

    /// <summary>
    /// The EMV fields (id, two-digit length, value) of a text, in order; null unless they cover it exactly (a length
    /// that runs past the end, a non-numeric id or length, or trailing characters all make it malformed).
    /// </summary>
    internal static List<(string Id, string Value)>? Fields(string text)
    {
        var fields = new List<(string, string)>();
        var i = 0;
        while (i < text.Length)
        {
            if (i + 4 > text.Length
                || !int.TryParse(text.AsSpan(i, 2), NumberStyles.None, CultureInfo.InvariantCulture, out _)
                || !int.TryParse(text.AsSpan(i + 2, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                || i + 4 + length > text.Length)
                return null;
            fields.Add((text.Substring(i, 2), text.Substring(i + 4, length)));
            i += 4 + length;
        }
        return fields;
    }

    private static Dictionary<string, string> ToDictionary(IEnumerable<(string Id, string Value)> fields)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, value) in fields)
            result[id] = value;
        return result;
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
        Parse(brcode).TryGetValue("26", out var account) && Fields(account) is { } inner && inner.Exists(f => f.Id == "25");

    private static string Field(string id, string value) => id + value.Length.ToString("D2", CultureInfo.InvariantCulture) + value;

    private static string Truncate(string text, int length)
    {
        var ascii = new string(text.Normalize(NormalizationForm.FormD).Where(c => c < 128).ToArray());
        return ascii.Length <= length ? ascii : ascii.Substring(0, length);
    }

    /// <summary>Appends field 63 with the payload's CRC16-CCITT, as every BR code ends.</summary>
    internal static string WithCrc(string payload)
    {
        var data = payload + "6304";
        return data + Crc16(data);
    }

    /// <summary>CRC16-CCITT (polynomial 0x1021, initial 0xFFFF) of the ASCII text, as four upper-case hex digits.</summary>
    internal static string Crc16(string data)
    {
        ushort crc = 0xFFFF;
        foreach (var b in Encoding.UTF8.GetBytes(data))
        {
            crc ^= (ushort)(b << 8);
            for (var k = 0; k < 8; k++)
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
        }
        return crc.ToString("X4", CultureInfo.InvariantCulture);
    }
}
