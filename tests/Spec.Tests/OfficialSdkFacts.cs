using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Spec.Tests;

/// <summary>
/// The wire facts of the official Stark Bank Node SDK (Data/official-sdk-facts.json, written by
/// tools/extract-official-sdk-facts.py from the published npm package): resources, routes, creation and update fields,
/// query filters, formats and enum-like values. Read from the repository only.
/// </summary>
internal static class OfficialSdkFacts
{
    public const string FileName = "official-sdk-facts.json";

    private static readonly Lazy<JObject> LazyDocument = new(() => JObject.Parse(File.ReadAllText(SpecFiles.DataFile(FileName))));

    public static JObject Document => LazyDocument.Value;

    public static IEnumerable<JObject> Resources => Document["resources"]!.Children<JObject>();

    /// <summary>Every "METHOD /path" the SDK calls (path parameters as <c>{id}</c>).</summary>
    public static IEnumerable<(string Method, string Path, JObject Operation, JObject Resource)> Routes() =>
        from r in Resources
        from op in (r["operations"] as JArray ?? new JArray()).Children<JObject>()
        where op["method"] != null && op["path"] != null
        select ((string)op["method"]!, (string)op["path"]!, op, r);
}
