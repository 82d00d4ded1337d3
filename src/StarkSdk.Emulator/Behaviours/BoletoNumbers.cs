using System;
using System.Globalization;
using System.Linq;
using System.Text;

namespace StarkSdk.Emulator.Behaviours;

/// <summary>Boleto bar codes (44 digits) and digitable lines (47 digits), and the amounts they carry.</summary>
public static class BoletoNumbers
{
    private static readonly DateTime FactorBase = new(1997, 10, 7, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>A bar code for a Stark Bank boleto (bank 341 layout: bank, currency 9, check digit, due factor, amount, free field).</summary>
    public static string BarCode(long amount, DateTime due, string freeField25)
    {
        var factor = (int)((due.Date - FactorBase).TotalDays % 9000);
        if (factor < 1000)
            factor += 9000;
        var withoutCheck = "3419" + factor.ToString("D4", CultureInfo.InvariantCulture) + Math.Min(amount, 9_999_999_999L).ToString("D10", CultureInfo.InvariantCulture) + freeField25;
        var check = Mod11(withoutCheck);
        return withoutCheck.Substring(0, 4) + check + withoutCheck.Substring(4);
    }

    /// <summary>The digitable line of a bar code, formatted <c>34191.09008 63571.277308 71444.640008 5 81960000000062</c>.</summary>
    public static string Line(string barCode)
    {
        var f1 = barCode.Substring(0, 4) + barCode.Substring(19, 5);
        var f2 = barCode.Substring(24, 10);
        var f3 = barCode.Substring(34, 10);
        f1 += Mod10(f1);
        f2 += Mod10(f2);
        f3 += Mod10(f3);
        return $"{f1.Substring(0, 5)}.{f1.Substring(5)} {f2.Substring(0, 5)}.{f2.Substring(5)} {f3.Substring(0, 5)}.{f3.Substring(5)} {barCode[4]} {barCode.Substring(5, 14)}";
    }

    /// <summary>Only the digits of a line or bar code.</summary>
    public static string Digits(string? text) => new((text ?? "").Where(char.IsDigit).ToArray());

    /// <summary>The amount in cents a boleto line (47 digits) or bar code (44 digits) carries, or a utility/tax code (48/44 digits starting with 8).</summary>
    public static long? Amount(string? lineOrBarCode)
    {
        var digits = Digits(lineOrBarCode);
        string? value = digits.Length switch
        {
            47 => digits.Substring(37, 10),
            44 when digits[0] == '8' => digits.Substring(4, 11),
            44 => digits.Substring(9, 10),
            48 when digits[0] == '8' => string.Concat(Enumerable.Range(0, 4).Select(i => digits.Substring(i * 12, 11))).Substring(4, 11),
            _ => null,
        };
        return value != null && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var cents) ? cents : null;
    }

    /// <summary>Whether a line and a bar code name the same document (comparing the bar code the line encodes).</summary>
    public static bool SameDocument(string? a, string? b)
    {
        var x = ToBarCode(Digits(a));
        var y = ToBarCode(Digits(b));
        return x.Length > 0 && x == y;
    }

    private static string ToBarCode(string digits)
    {
        if (digits.Length != 47)
            return digits;
        var builder = new StringBuilder(44);
        builder.Append(digits, 0, 4).Append(digits[32]).Append(digits, 33, 14)
            .Append(digits, 4, 5).Append(digits, 10, 10).Append(digits, 21, 10);
        return builder.ToString();
    }

    private static char Mod10(string digits)
    {
        var sum = 0;
        var weight = 2;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var product = (digits[i] - '0') * weight;
            sum += product / 10 + product % 10;
            weight = weight == 2 ? 1 : 2;
        }
        var check = (10 - sum % 10) % 10;
        return (char)('0' + check);
    }

    private static char Mod11(string digits)
    {
        var sum = 0;
        var weight = 2;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            sum += (digits[i] - '0') * weight;
            weight = weight == 9 ? 2 : weight + 1;
        }
        var check = 11 - sum % 11;
        return check is 0 or 10 or 11 ? '1' : (char)('0' + check);
    }
}
