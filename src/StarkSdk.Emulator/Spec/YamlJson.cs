using System;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace StarkSdk.Emulator.Spec;

/// <summary>
/// Reads YAML into JSON.NET tokens as an OpenAPI 3.1 tool does (YAML 1.2 core schema): only plain <c>null</c>/<c>~</c>,
/// booleans and numbers are typed; everything else, dates included, stays a string.
/// </summary>
internal static class YamlJson
{
    private static readonly Regex Int = new(@"^[-+]?[0-9]+$", RegexOptions.CultureInvariant);
    private static readonly Regex Float = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);

    /// <summary>Parses one YAML document.</summary>
    public static JToken Parse(TextReader reader)
    {
        var stream = new YamlStream();
        stream.Load(reader);
        if (stream.Documents.Count != 1)
            throw new InvalidDataException($"expected one YAML document, found {stream.Documents.Count}");
        return ToJson(stream.Documents[0].RootNode);
    }

    private static JToken ToJson(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JObject();
                foreach (var entry in mapping.Children)
                {
                    var key = (entry.Key as YamlScalarNode)?.Value
                        ?? throw new InvalidDataException($"line {entry.Key.Start.Line}: only scalar keys are allowed");
                    obj[key] = ToJson(entry.Value);
                }
                return obj;
            case YamlSequenceNode sequence:
                var array = new JArray();
                foreach (var item in sequence.Children)
                    array.Add(ToJson(item));
                return array;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                throw new InvalidDataException($"line {node.Start.Line}: unsupported YAML node {node.NodeType}");
        }
    }

    private static JValue Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        var tag = scalar.Tag.IsEmpty || scalar.Tag.IsNonSpecific ? null : scalar.Tag.Value;
        if (tag == "tag:yaml.org,2002:str" || (tag == null && scalar.Style != ScalarStyle.Plain))
            return new JValue(text);
        if (text is "" or "~" or "null" or "Null" or "NULL")
            return JValue.CreateNull();
        if (text is "true" or "True" or "TRUE")
            return new JValue(true);
        if (text is "false" or "False" or "FALSE")
            return new JValue(false);
        if (Int.IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
            return new JValue(l);
        if (Float.IsMatch(text))
            return new JValue(double.Parse(text, CultureInfo.InvariantCulture));
        return new JValue(text);
    }
}
