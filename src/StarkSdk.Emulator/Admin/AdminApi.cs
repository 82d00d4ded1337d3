using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using StarkSdk.Emulator.Engine;

namespace StarkSdk.Emulator.Admin;

/// <summary>
/// The emulator's own API under <c>/emulator</c> (no signature needed):
/// <list type="bullet">
/// <item><c>GET /emulator</c>: what the emulator serves and its admin routes.</item>
/// <item><c>POST /emulator/keys {"accessId", "publicKey"}</c>: accept requests signed for that access id; <c>DELETE /emulator/keys?accessId=...</c> forgets it.</item>
/// <item><c>GET /emulator/public-key</c>: the PEM that verifies the emulator's webhook signatures (also at <c>/v2/public-key</c>).</item>
/// <item><c>POST /emulator/reset</c>: forget every entity and webhook delivery (keys stay).</item>
/// <item><c>POST /emulator/webhooks/flush</c>: deliver queued webhooks (manual delivery mode); <c>GET /emulator/webhooks/deliveries</c>: every delivery sent.</item>
/// <item><c>POST /emulator/{collection}/{id}/{action}</c>: a sandbox trigger on an entity (e.g. <c>invoice/{id}/pay</c>; <c>status</c> works on any collection).</item>
/// <item><c>POST /emulator/{collection}/{action}</c>: a trigger on a whole collection (e.g. <c>transfer/settle</c>).</item>
/// </list>
/// Collection names with a slash (<c>invoice/log</c>) are written with <c>%2F</c>.
/// </summary>
internal sealed class AdminApi
{
    public const string Prefix = "/emulator";

    private readonly EmulatorRuntime _runtime;

    public AdminApi(EmulatorRuntime runtime)
    {
        _runtime = runtime;
    }

    public async Task<OperationResult> HandleAsync(HttpContext http, string path, string body)
    {
        var method = http.Request.Method.ToUpperInvariant();
        var segments = path.Substring(Prefix.Length).Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(Uri.UnescapeDataString).ToArray();
        var route = string.Join("/", segments);

        switch (method, route)
        {
            case ("GET", ""):
                return OperationResult.Ok(Describe());
            case ("POST", "keys"):
            {
                var input = ParseObject(body);
                var accessId = (string?)input["accessId"];
                var publicKey = (string?)input["publicKey"];
                if (string.IsNullOrWhiteSpace(accessId) || string.IsNullOrWhiteSpace(publicKey))
                    throw new ApiException("invalidKey", "accessId and publicKey are required");
                try
                {
                    _runtime.Keys.Register(accessId, publicKey);
                }
                catch (ArgumentException e)
                {
                    throw new ApiException("invalidKey", e.Message);
                }
                return OperationResult.Ok(new JObject { ["accessId"] = accessId, ["message"] = "Public key registered" });
            }
            case ("DELETE", "keys"):
            {
                var accessId = http.Request.Query["accessId"].FirstOrDefault() ?? "";
                return OperationResult.Ok(new JObject { ["accessId"] = accessId, ["removed"] = _runtime.Keys.Remove(accessId) });
            }
            case ("GET", "public-key"):
                return OperationResult.Ok(new JObject { ["publicKey"] = _runtime.SigningKey.PublicKey.ToPem() });
            case ("POST", "reset"):
                _runtime.Reset();
                return OperationResult.Ok(new JObject { ["message"] = "Emulator state reset" });
            case ("POST", "webhooks/flush"):
                return OperationResult.Ok(new JObject { ["delivered"] = await _runtime.Dispatcher.FlushAsync(http.RequestAborted).ConfigureAwait(false) });
            case ("GET", "webhooks/deliveries"):
                return OperationResult.Ok(new JObject
                {
                    ["pending"] = _runtime.Dispatcher.Pending,
                    ["deliveries"] = new JArray(_runtime.Dispatcher.History.Select(d => new JObject
                    {
                        ["eventId"] = d.EventId,
                        ["webhookId"] = d.WebhookId,
                        ["url"] = d.Url,
                        ["statusCode"] = d.StatusCode,
                        ["error"] = d.Error,
                        ["body"] = d.Body,
                        ["signature"] = d.Signature,
                    })),
                });
        }

        if (method == "POST" && segments.Length is 2 or 3)
        {
            var input = ParseObject(body);
            var collection = segments[0];
            var id = segments.Length == 3 ? segments[1] : null;
            var action = segments[^1];
            var result = await _runtime.MutateAsync(_ => _runtime.Admin(collection, id, action, input), http.RequestAborted).ConfigureAwait(false);
            return OperationResult.Ok(result);
        }
        throw new ApiException("routeNotFound", $"{method} {path} is not an emulator route; GET {Prefix} lists them", 404);
    }

    private JObject Describe() => new()
    {
        ["emulator"] = "Stark Bank API emulator",
        ["workspaceId"] = _runtime.Context.WorkspaceId,
        ["webhookDelivery"] = _runtime.Options.WebhookDelivery.ToString(),
        ["routes"] = new JArray(
            "POST /emulator/keys {accessId, publicKey}",
            "DELETE /emulator/keys?accessId=...",
            "GET /emulator/public-key",
            "POST /emulator/reset",
            "POST /emulator/webhooks/flush",
            "GET /emulator/webhooks/deliveries",
            "POST /emulator/{collection}/{id}/status {status, logType?, errors?}",
            "POST /emulator/invoice/{id}/pay {amount?, name?, taxId?}",
            "POST /emulator/boleto/{id}/pay {amount?}",
            "POST /emulator/dynamic-brcode/{uuid}/pay {amount?, name?, taxId?}",
            "POST /emulator/{brcode-payment|boleto-payment|utility-payment|tax-payment|darf-payment|transfer}/{id}/settle {success?: true, reason?}",
            "POST /emulator/{brcode-payment|boleto-payment|utility-payment|tax-payment|darf-payment|transfer}/settle {success?: true}",
            "POST /emulator/merchant-purchase/{id}/challenge {approved?: true}",
            "POST /emulator/merchant-purchase/{id}/settle",
            "POST /emulator/deposit/create {amount, name?, taxId?, tags?}"),
    };

    private static JObject ParseObject(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
            return new JObject();
        try
        {
            using var reader = new JsonTextReader(new System.IO.StringReader(body)) { DateParseHandling = DateParseHandling.None };
            return JToken.ReadFrom(reader) as JObject ?? throw new ApiException("invalidJson", "body: must be a JSON object");
        }
        catch (JsonReaderException e)
        {
            throw new ApiException("invalidJson", "body: is not valid JSON: " + e.Message);
        }
    }
}
