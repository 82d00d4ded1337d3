using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace StarkSdk.Emulator.Spec;

/// <summary>One operation of the spec, with what the engine needs to serve it.</summary>
public sealed class SpecOperation
{
    internal SpecOperation(string method, string pathTemplate, JObject operation, IReadOnlyList<SpecParameter> parameters, ApiSpec spec)
    {
        Method = method.ToUpperInvariant();
        PathTemplate = pathTemplate;
        var segments = pathTemplate.Trim('/').Split('/');
        Segments = segments;
        OperationId = (string?)operation["operationId"] ?? Method + " " + pathTemplate;
        StarkMethod = (string?)operation["x-stark-method"];
        RequestKey = (string?)operation["x-stark-request-key"];
        ResponseKey = (string?)operation["x-stark-response-key"];
        Tag = (operation["tags"] as JArray)?.FirstOrDefault()?.ToString();
        Parameters = parameters;

        var body = operation["requestBody"] is JObject rb ? spec.Deref(rb) as JObject : null;
        if (body?["content"] is JObject bodyContent)
        {
            RequestSchema = (bodyContent["application/json"] as JObject)?["schema"];
            RequestBodyRequired = (bool?)body["required"] ?? false;
        }

        if (operation["responses"]?["200"] is JObject ok && spec.Deref(ok)["content"] is JObject content)
        {
            var first = content.Properties().FirstOrDefault();
            ResponseContentType = first?.Name;
            ResponseSchema = (first?.Value as JObject)?["schema"];
        }

        // security: [] or an alternative {} means no signature is required (a public route).
        var security = operation["security"] as JArray ?? spec.Root["security"] as JArray;
        AuthOptional = security == null || security.Count == 0 || security.Any(s => s is JObject o && !o.HasValues);

        // /v2/invoice/log/{id}/pdf: version "v2", collection "invoice/log", id parameter "id", action "pdf".
        VersionSegment = segments[0];
        var firstParam = Array.FindIndex(segments, s => s.StartsWith("{", StringComparison.Ordinal));
        var collectionEnd = firstParam < 0 ? segments.Length : firstParam;
        Collection = string.Join("/", segments.Skip(1).Take(collectionEnd - 1));
        if (firstParam >= 0)
        {
            IdParameter = segments[firstParam].Trim('{', '}');
            var rest = segments.Skip(firstParam + 1).ToArray();
            Action = rest.Length == 0 ? null : string.Join("/", rest);
        }
        Kind = Classify();
    }

    /// <summary>Upper-case HTTP method.</summary>
    public string Method { get; }

    /// <summary>The path as in the spec, e.g. <c>/v2/invoice/{id}/pdf</c>.</summary>
    public string PathTemplate { get; }

    /// <summary>The path split on '/'.</summary>
    public IReadOnlyList<string> Segments { get; }

    /// <summary>The operationId.</summary>
    public string OperationId { get; }

    /// <summary>x-stark-method, e.g. <c>Create</c>.</summary>
    public string? StarkMethod { get; }

    /// <summary>x-stark-request-key: the body property that wraps the list of items.</summary>
    public string? RequestKey { get; }

    /// <summary>x-stark-response-key: the response property that holds the result.</summary>
    public string? ResponseKey { get; }

    /// <summary>The operation's resource tag.</summary>
    public string? Tag { get; }

    /// <summary>Path, query and header parameters.</summary>
    public IReadOnlyList<SpecParameter> Parameters { get; }

    /// <summary>The JSON request body schema, if the operation takes a body.</summary>
    public JToken? RequestSchema { get; }

    /// <summary>Whether the body is required.</summary>
    public bool RequestBodyRequired { get; }

    /// <summary>The content type of the 200 response (application/json, application/pdf, image/png).</summary>
    public string? ResponseContentType { get; }

    /// <summary>The schema of the 200 response.</summary>
    public JToken? ResponseSchema { get; }

    /// <summary>True when the route may be called without a signature.</summary>
    public bool AuthOptional { get; }

    /// <summary>The first path segment (<c>v2</c>).</summary>
    public string VersionSegment { get; }

    /// <summary>The entity collection the operation works on: the path between the version and the first parameter (<c>invoice</c>, <c>invoice/log</c>).</summary>
    public string Collection { get; }

    /// <summary>The name of the path parameter that identifies the entity (<c>id</c>, <c>uuid</c>), if any.</summary>
    public string? IdParameter { get; }

    /// <summary>What follows the id in the path (<c>pdf</c>, <c>qrcode</c>, <c>payment</c>, <c>purchase</c>), if anything.</summary>
    public string? Action { get; }

    /// <summary>How the generic engine serves it.</summary>
    public OperationKind Kind { get; }

    /// <summary>True when the 200 response is JSON.</summary>
    public bool RespondsJson => ResponseContentType == null || ResponseContentType.Contains("json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The query parameters.</summary>
    public IEnumerable<SpecParameter> QueryParameters => Parameters.Where(p => p.Location == "query");

    private OperationKind Classify()
    {
        var hasId = IdParameter != null;
        switch (Method)
        {
            case "GET" when !hasId:
                return QueryParameters.Any(p => p.Name == "cursor") ? OperationKind.Query : OperationKind.List;
            case "GET" when Action == null:
                return OperationKind.Get;
            case "GET":
                return RespondsJson ? OperationKind.SubResource : OperationKind.Binary;
            case "POST" when !hasId:
                return RequestKey != null ? OperationKind.CreateMany : OperationKind.CreateOne;
            case "POST":
                return OperationKind.Action;
            case "PUT" when !hasId:
                return OperationKind.Put;
            case "PUT" when Action == null:
            case "PATCH" when Action == null:
                return OperationKind.Update;
            case "DELETE" when Action == null:
                return string.Equals(StarkMethod, "Delete", StringComparison.Ordinal) ? OperationKind.Delete : OperationKind.Cancel;
            default:
                return OperationKind.Unsupported;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Method + " " + PathTemplate;
}
