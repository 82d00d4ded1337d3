using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace StarkSdk.Core;

/// <summary>Reads and writes PEM armour. Error messages name labels only, never content.</summary>
internal static class Pem
{
    // Tolerates what real PEM strings look like in config: CRLF, indentation, surrounding blank lines, and "\n" escapes from env vars.
    private static readonly Regex BlockPattern = new Regex(
        @"-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \1-----",
        RegexOptions.Singleline | RegexOptions.CultureInvariant);

    internal sealed class Block
    {
        internal Block(string label, byte[] der)
        {
            Label = label;
            Der = der;
        }

        internal string Label { get; }

        internal byte[] Der { get; }
    }

    internal static List<Block> ReadAll(string text, string paramName)
    {
        var blocks = new List<Block>();
        foreach (Match match in BlockPattern.Matches(text))
        {
            var label = match.Groups[1].Value;
            var body = match.Groups[2].Value;
            if (body.IndexOf(':') >= 0)
            {
                throw new InvalidKeyException($"The PEM block '{label}' has headers (an encrypted key?); only unencrypted keys are supported.", paramName);
            }

            var base64 = StripWhitespace(body.Replace("\\r", string.Empty).Replace("\\n", string.Empty));
            byte[] der;
            try
            {
                der = Convert.FromBase64String(base64);
            }
            catch (FormatException)
            {
                throw new InvalidKeyException($"The PEM block '{label}' is not valid base64.", paramName);
            }

            if (der.Length == 0)
            {
                throw new InvalidKeyException($"The PEM block '{label}' is empty.", paramName);
            }

            blocks.Add(new Block(label, der));
        }

        return blocks;
    }

    internal static string Write(string label, byte[] der)
    {
        var base64 = Convert.ToBase64String(der);
        var builder = new StringBuilder();
        builder.Append("-----BEGIN ").Append(label).Append("-----\n");
        for (var i = 0; i < base64.Length; i += 64)
        {
            builder.Append(base64, i, Math.Min(64, base64.Length - i)).Append('\n');
        }

        builder.Append("-----END ").Append(label).Append("-----\n");
        return builder.ToString();
    }

    private static string StripWhitespace(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
