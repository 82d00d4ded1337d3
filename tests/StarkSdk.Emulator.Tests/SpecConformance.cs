using System;
using System.Linq;
using System.Net.Http;
using StarkSdk.Emulator.Spec;

namespace StarkSdk.Emulator.Tests;

/// <summary>
/// Checks every 200 JSON answer of the emulator against the 200 response schema of its operation in the embedded spec
/// (read-only fields required like any other, unknown fields rejected): every HTTP test is also a conformance test.
/// </summary>
internal static class SpecConformance
{
    private static readonly Lazy<(ApiSpec Spec, RouteTable Routes, SchemaValidator Validator)> State = new(() =>
    {
        var spec = ApiSpec.LoadEmbedded();
        return (spec, new RouteTable(spec), new SchemaValidator(spec, rejectUnknownProperties: true));
    });

    /// <summary>The problems of a response, or null when it conforms (or is not an API JSON answer).</summary>
    public static string? Problems(HttpMethod method, string pathAndQuery, ApiResponse response)
    {
        if ((int)response.Status != 200 || response.Json == null)
            return null;
        var path = pathAndQuery.Split('?')[0];
        var match = State.Value.Routes.Find(method.Method, path, out _);
        if (match?.Operation.ResponseSchema is not { } schema)
            return null;
        var errors = State.Value.Validator.ValidateOutput(response.Json, schema);
        if (errors.Count == 0)
            return null;
        return $"{method} {path} answered JSON that does not match its response schema:\n" +
            string.Join("\n", errors.Take(20).Select(e => "  " + e.Code + " " + e.Message));
    }
}
