using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using StarkSdk.Emulator.Admin;
using StarkSdk.Emulator.Http;

namespace StarkSdk.Emulator.Engine;

/// <summary>
/// One HTTP request: admin routes go to <see cref="AdminApi"/>; API routes are matched against the spec,
/// size-checked, authenticated over the exact body bytes, content-type- and UTF-8-checked, validated (query and body,
/// every problem in one 400) and executed under the state lock; queued
/// webhooks are delivered before the response when delivery is immediate.
/// </summary>
internal sealed class RequestPipeline
{
    private readonly EmulatorRuntime _runtime;
    private readonly AdminApi _admin;
    private readonly ILogger _log;

    public RequestPipeline(EmulatorRuntime runtime, ILogger log)
    {
        _runtime = runtime;
        _admin = new AdminApi(runtime);
        _log = log;
    }

    public async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "/";
        OperationResult result;
        try
        {
            RequestTarget.Check(http.Features.Get<IHttpRequestFeature>()?.RawTarget, path);
            if (path == AdminApi.Prefix || path.StartsWith(AdminApi.Prefix + "/", StringComparison.Ordinal))
            {
                var bytes = await RequestBody.ReadAsync(http.Request, _runtime.Options.MaxRequestBodyBytes, http.RequestAborted).ConfigureAwait(false);
                var text = RequestBody.DecodeUtf8(bytes) ?? throw new ApiException("invalidJson", "body: is not valid UTF-8");
                result = await _admin.HandleAsync(http, path, text).ConfigureAwait(false);
            }
            else
            {
                result = await HandleApiAsync(http, path).ConfigureAwait(false);
            }
        }
        catch (ApiException e)
        {
            result = OperationResult.Error(e);
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's own refusals while reading the body (truncated chunks, a too-large body it counted itself).
            result = OperationResult.Error(new ApiException("invalidRequest", "request: " + e.Message, e.StatusCode));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            result = OperationResult.Error(new ApiException("internalServerError", "Houston, we have a problem: " + e.Message, 500));
        }
        await WriteAsync(http, result).ConfigureAwait(false);
    }

    private async Task<OperationResult> HandleApiAsync(HttpContext http, string path)
    {
        var match = _runtime.Catalog.Routes.Find(http.Request.Method, path, out var pathExists);
        if (match == null)
        {
            if (path == "/" || path.Length == 0)
                return OperationResult.Ok(Info());
            throw pathExists
                ? new ApiException("invalidMethod", $"{http.Request.Method} is not allowed on {path}", 405)
                : new ApiException("routeNotFound", $"{http.Request.Method} {path} is not a route of the API", 404);
        }
        var op = match.Operation;

        // The size is decided before reading (Content-Length) or while reading (chunked), never after the whole body.
        var bytes = await RequestBody.ReadAsync(http.Request, _runtime.Options.MaxRequestBodyBytes, http.RequestAborted).ConfigureAwait(false);

        var headers = http.Request.Headers;
        var accessId = headers["Access-Id"].FirstOrDefault();
        if (_runtime.Options.RequireSignatures && !(op.AuthOptional && string.IsNullOrEmpty(accessId)))
        {
            var authError = _runtime.Authenticator.Check(accessId, headers["Access-Time"].FirstOrDefault(), headers["Access-Signature"].FirstOrDefault(), bytes);
            if (authError != null)
                throw new ApiException(new[] { authError });
        }

        // Only authenticated requests learn how their body is read.
        if (bytes.Length > 0)
            ContentTypes.CheckJson(http.Request.ContentType);
        var body = RequestBody.DecodeUtf8(bytes);

        var errors = new List<ApiError>();
        var lenientQuery = !_runtime.Options.StrictQueryParameters && op.Method is "POST" or "PATCH" or "PUT";
        var ignored = new List<string>();
        var query = QueryReader.Read(op, http.Request.Query, _runtime.Validator, _runtime.Catalog.Spec, errors, lenientQuery ? ignored : null);
        if (ignored.Count > 0)
            _log.LogInformation("{Operation}: ignored query parameters the operation does not declare: {Names}", op.ToString(), string.Join(", ", ignored));
        JToken? json = null;
        if (body == null)
        {
            errors.Add(new ApiError("invalidJson", "body: is not valid UTF-8"));
        }
        else if (op.RequestSchema != null)
        {
            json = ParseBody(body, op.RequestBodyRequired, errors);
            if (json != null)
                errors.AddRange(_runtime.Validator.ValidateInput(json, op.RequestSchema));
        }
        if (errors.Count > 0)
            throw new ApiException(errors);

        return await _runtime.MutateAsync(_ => _runtime.Engine.Execute(op, match.PathValues, query, json), http.RequestAborted).ConfigureAwait(false);
    }

    private static JToken? ParseBody(string body, bool required, List<ApiError> errors)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            if (required)
                errors.Add(new ApiError("invalidJson", "body: a JSON body is required"));
            return null;
        }
        // Newtonsoft's reader accepts more than RFC 8259 (single quotes, comments, NaN, unquoted names): the strict
        // System.Text.Json reader decides what is JSON, then Newtonsoft builds the tree the engine works on.
        try
        {
            var strict = new System.Text.Json.Utf8JsonReader(Encoding.UTF8.GetBytes(body), new System.Text.Json.JsonReaderOptions { MaxDepth = 64 });
            while (strict.Read())
            {
            }
        }
        catch (System.Text.Json.JsonException e)
        {
            errors.Add(new ApiError("invalidJson", "body: is not valid JSON: " + e.Message));
            return null;
        }
        try
        {
            using var reader = new JsonTextReader(new StringReader(body)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
            var token = JToken.ReadFrom(reader);
            if (reader.Read())
                errors.Add(new ApiError("invalidJson", "body: unexpected content after the JSON value"));
            return token;
        }
        catch (Exception e) when (e is JsonReaderException or OverflowException or FormatException)
        {
            errors.Add(new ApiError("invalidJson", "body: is not valid JSON: " + e.Message));
            return null;
        }
    }

    private JObject Info() => new()
    {
        ["emulator"] = ((string?)_runtime.Catalog.Spec.Root["info"]?["title"] ?? "API") + " emulator",
        ["version"] = (string?)_runtime.Catalog.Spec.Root["info"]?["version"],
        ["operations"] = _runtime.Catalog.Spec.Operations.Count,
        ["workspaceId"] = _runtime.Context.WorkspaceId,
        ["admin"] = AdminApi.Prefix,
    };

    private static async Task WriteAsync(HttpContext http, OperationResult result)
    {
        http.Response.StatusCode = result.Status;
        http.Response.ContentType = result.ContentType;
        var bytes = result.Bytes ?? Encoding.UTF8.GetBytes((result.Json ?? new JObject()).ToString(Formatting.None));
        http.Response.ContentLength = bytes.Length;
        await http.Response.Body.WriteAsync(bytes, http.RequestAborted).ConfigureAwait(false);
    }
}
