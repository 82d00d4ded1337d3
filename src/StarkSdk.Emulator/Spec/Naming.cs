using System;
using System.Linq;
using System.Text;

namespace StarkSdk.Emulator.Spec;

/// <summary>Name conversions used for error codes and messages.</summary>
public static class Naming
{
    /// <summary><c>taxId</c> → <c>TaxId</c>; <c>merchant-session</c> → <c>MerchantSession</c>; <c>invoice/log</c> → <c>InvoiceLog</c>.</summary>
    public static string Pascal(string name)
    {
        var builder = new StringBuilder(name.Length);
        var upper = true;
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upper = true;
                continue;
            }
            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        return builder.Length == 0 ? "Value" : builder.ToString();
    }

    /// <summary><c>merchant-session</c> → <c>merchantSession</c>.</summary>
    public static string Camel(string name)
    {
        var pascal = Pascal(name);
        return char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
    }

    /// <summary>A readable name of a collection: <c>merchant-session</c> → <c>merchant session</c>, <c>invoice/log</c> → <c>invoice log</c>.</summary>
    public static string Words(string collection) =>
        string.Join(" ", collection.Split('-', '/').Where(s => s.Length > 0));

    /// <summary>A naive singular of a plural English word (<c>ids</c> → <c>id</c>); null when it does not end in s.</summary>
    public static string? Singular(string plural) =>
        plural.EndsWith("s", StringComparison.Ordinal) && plural.Length > 1 ? plural.Substring(0, plural.Length - 1) : null;
}
