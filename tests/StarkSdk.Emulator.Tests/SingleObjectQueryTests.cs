using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace StarkSdk.Emulator.Tests;

/// <summary>
/// The official Stark SDKs create a single object (webhook, workspace, merchant session and purchase) by sending its
/// fields as the JSON body and again as query-string parameters. The emulator ignores the undeclared query parameters
/// on POST/PATCH/PUT by default; on GET they stay errors; the strict option restores the old refusal.
/// </summary>
public sealed class SingleObjectQueryTests : EmulatorTest
{
    private readonly CapturingLoggerProvider _logs = new();

    internal override EmulatorOptions CreateOptions() => new() { Seed = 42, LoggerProvider = _logs };

    /// <summary>The query string the official SDKs derive from a single object: scalars as text, lists joined by commas.</summary>
    internal static string AsQuery(JObject entity) => string.Join("&", entity.Properties().Select(p =>
    {
        var value = p.Value switch
        {
            JArray array when array.All(i => i is JValue) => string.Join(",", array.Select(i => i.ToString())),
            JValue v => Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
            _ => p.Value.ToString(Newtonsoft.Json.Formatting.None),
        };
        return Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(value);
    }));

    private Task<ApiResponse> PostSingleAsync(string path, JObject entity) =>
        Client.SendAsync(HttpMethod.Post, path + "?" + AsQuery(entity), entity);

    [Test]
    public async Task A_webhook_created_as_the_official_sdks_send_it_is_accepted()
    {
        var webhook = new JObject { ["url"] = "https://winterfell.westeros.gov/events", ["subscriptions"] = new JArray("invoice", "transfer") };
        var response = await PostSingleAsync("/v2/webhook", webhook);
        AssertOk(response);
        Assert.That((string?)response.Body["webhook"]!["url"], Is.EqualTo("https://winterfell.westeros.gov/events"));
        Assert.That(_logs.Messages, Has.Some.EqualTo("POST /v2/webhook: ignored query parameters the operation does not declare: url, subscriptions"));
    }

    [Test]
    public async Task A_workspace_created_as_the_official_sdks_send_it_is_accepted()
    {
        Client.AccessId = "organization/5656565656565656";
        Emulator.RegisterPublicKey(Client.AccessId, ProjectPublicPem);
        var workspace = new JObject { ["username"] = "iron-bank-123", ["name"] = "Iron Bank #123", ["allowedTaxIds"] = new JArray("012.345.678-90") };
        var response = await PostSingleAsync("/v2/workspace", workspace);
        AssertOk(response);
        Assert.That((string?)response.Body["workspace"]!["username"], Is.EqualTo("iron-bank-123"));
    }

    [Test]
    public async Task A_merchant_session_and_purchases_created_as_the_official_sdks_send_them_are_accepted()
    {
        var session = new JObject
        {
            ["allowedFundingTypes"] = new JArray("debit", "credit"),
            ["allowedInstallments"] = new JArray(new JObject { ["totalAmount"] = 5000, ["count"] = 1 }),
            ["expiration"] = 3600,
            ["challengeMode"] = "disabled",
            ["tags"] = new JArray("Cart/456"),
        };
        var created = await PostSingleAsync("/v2/merchant-session", session);
        AssertOk(created);
        var uuid = (string)created.Body["session"]!["uuid"]!;

        var purchase = new JObject
        {
            ["amount"] = 5000,
            ["installmentCount"] = 1,
            ["cardExpiration"] = "2035-01",
            ["cardNumber"] = "4242424242424242",
            ["cardSecurityCode"] = "123",
            ["holderName"] = "Rhaenyra Targaryen",
            ["fundingType"] = "credit",
            ["holderEmail"] = "rhaenyra.targaryen@gmail.com",
            ["holderPhone"] = "11985923451",
            ["billingCountryCode"] = "BRA",
            ["billingCity"] = "Sao Paulo",
            ["billingStateCode"] = "SP",
            ["billingStreetLine1"] = "Rua do Holder Name, 123",
            ["billingStreetLine2"] = "1 andar",
            ["billingZipCode"] = "11111-111",
        };
        var sessionPurchase = await PostSingleAsync($"/v2/merchant-session/{uuid}/purchase", purchase);
        AssertOk(sessionPurchase);
        var cardId = (string?)sessionPurchase.Body["purchase"]!["cardId"];
        Assert.That(cardId, Is.Not.Null.And.Not.Empty);

        var direct = await PostSingleAsync("/v2/merchant-purchase", new JObject { ["amount"] = 1000, ["cardId"] = cardId, ["fundingType"] = "credit" });
        AssertOk(direct);
        Assert.That((long?)direct.Body["purchase"]!["amount"], Is.EqualTo(1000));
    }

    [Test]
    public async Task Unknown_query_parameters_stay_errors_on_get()
    {
        var response = await Client.GetAsync("/v2/webhook?url=https%3A%2F%2Fexample.com");
        Assert.That((int)response.Status, Is.EqualTo(400));
        Assert.That(response.ErrorCodes, Is.EqualTo(new[] { "invalidUrl" }), response.ToString());
    }

    [Test]
    public async Task Declared_query_parameters_of_a_post_are_still_validated()
    {
        // The repeated body fields are ignored, but the body itself is validated as always.
        var response = await PostSingleAsync("/v2/webhook", new JObject { ["url"] = "https://example.com", ["subscriptions"] = new JArray("dragons") });
        Assert.That(response.ErrorCodes, Does.Contain("invalidSubscriptions"), response.ToString());
    }
}

/// <summary>With <see cref="EmulatorOptions.StrictQueryParameters"/> the repeated fields are refused, as before.</summary>
public sealed class StrictQueryParameterTests : EmulatorTest
{
    internal override EmulatorOptions CreateOptions() => new() { Seed = 42, StrictQueryParameters = true };

    [Test]
    public async Task The_strict_mode_refuses_body_fields_repeated_in_the_query()
    {
        var webhook = new JObject { ["url"] = "https://winterfell.westeros.gov/events", ["subscriptions"] = new JArray("invoice") };
        var response = await Client.SendAsync(HttpMethod.Post, "/v2/webhook?" + SingleObjectQueryTests.AsQuery(webhook), webhook);
        Assert.That((int)response.Status, Is.EqualTo(400));
        Assert.That(response.ErrorCodes, Is.EquivalentTo(new[] { "invalidUrl", "invalidSubscriptions" }), response.ToString());
        Assert.That(Emulator.All("webhook"), Is.Empty);
    }
}

/// <summary>Keeps every log message (the emulator logs the query parameters it ignores).</summary>
internal sealed class CapturingLoggerProvider : Microsoft.Extensions.Logging.ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _messages = new();

    public System.Collections.Generic.IReadOnlyList<string> Messages => _messages.ToArray();

    public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => new Logger(_messages);

    public void Dispose()
    {
    }

    private sealed class Logger(System.Collections.Concurrent.ConcurrentQueue<string> messages) : Microsoft.Extensions.Logging.ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            messages.Enqueue(formatter(state, exception));
    }
}
