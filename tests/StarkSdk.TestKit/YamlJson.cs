using System;
using System.Globalization;
using System.IO;
using System.Numerics;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace StarkSdk.TestKit;

/// <summary>
/// Reads YAML into JSON.NET tokens the way an OpenAPI 3.1 tool reads it: YAML 1.2 core schema, so only plain
/// <c>null</c>/<c>~</c>, <c>true</c>/<c>false</c> and numbers are typed and everything else (dates included) is a string.
/// Every token carries a <see cref="YamlLine"/> annotation with its line in the file, for failure messages.
/// </summary>
public static class YamlJson
{
    public static JObject Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
            stream.Load(reader);
        if (stream.Documents.Count != 1)
            throw new InvalidDataException($"{path}: expected one YAML document, found {stream.Documents.Count}");
        return ToJson(stream.Documents[0].RootNode, Path.GetFileName(path)) as JObject
            ?? throw new InvalidDataException($"{path}: the root is not a mapping");
    }

    /// <summary>The JSON of <paramref name="node"/>; <paramref name="file"/> names the file in failure messages.</summary>
    public static JToken ToJson(YamlNode node, string file = "(yaml)")
    {
        JToken token;
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JObject();
                foreach (var entry in mapping.Children)
                {
                    if (entry.Key is not YamlScalarNode key)
                        throw new InvalidDataException($"line {entry.Key.Start.Line}: only scalar keys are allowed in JSON");
                    var name = key.Value ?? "";
                    if (obj.ContainsKey(name))
                        throw new InvalidDataException($"line {key.Start.Line}: duplicate key '{name}'");
                    obj.Add(name, ToJson(entry.Value, file));
                }
                token = obj;
                break;
            case YamlSequenceNode sequence:
                var array = new JArray();
                foreach (var item in sequence.Children)
                    array.Add(ToJson(item, file));
                token = array;
                break;
            case YamlScalarNode scalar:
                token = Scalar(scalar);
                break;
            default:
                throw new InvalidDataException($"line {node.Start.Line}: unsupported YAML node {node.NodeType}");
        }
        token.AddAnnotation(new YamlLine(file, (int)node.Start.Line));
        return token;
    }

    private static readonly Regex Int = new(@"^[-+]?[0-9]+$", RegexOptions.CultureInvariant);
    private static readonly Regex Float = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);

    private static JValue Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        var tag = scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific ? null : scalar.Tag.Value;
        if (tag == "tag:yaml.org,2002:str" || (tag == null && scalar.Style != ScalarStyle.Plain))
            return new JValue(text);
        if (tag == "tag:yaml.org,2002:null" || (tag == null && text is "" or "~" or "null" or "Null" or "NULL"))
            return JValue.CreateNull();
        if (text is "true" or "True" or "TRUE")
            return new JValue(true);
        if (text is "false" or "False" or "FALSE")
            return new JValue(false);
        if (Int.IsMatch(text))
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
                return new JValue(l);
            return new JValue(BigInteger.Parse(text, CultureInfo.InvariantCulture));
        }
        if (text.StartsWith("0x", StringComparison.Ordinal) && long.TryParse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex))
            return new JValue(hex);
        if (Float.IsMatch(text))
            return new JValue(double.Parse(text, CultureInfo.InvariantCulture));
        if (text is ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF")
            return new JValue(double.PositiveInfinity);
        if (text is "-.inf" or "-.Inf" or "-.INF")
            return new JValue(double.NegativeInfinity);
        if (text is ".nan" or ".NaN" or ".NAN")
            return new JValue(double.NaN);
        return new JValue(text);
    }

    /// <summary>The 1-based line of a token in the spec file, or null when the token was not read from YAML.</summary>
    public static int? LineOf(JToken? token) => token?.Annotation<YamlLine>()?.Line;

    /// <summary>" (starkbank.yaml:123)" for messages (the file the token was read from), or "" when unknown.</summary>
    public static string At(JToken? token) => token?.Annotation<YamlLine>() is { } at ? $" ({at.File}:{at.Line})" : "";
}

internal sealed record YamlLine(string File, int Line);
