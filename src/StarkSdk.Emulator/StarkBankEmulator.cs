using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using StarkSdk.Emulator.Behaviours;
using StarkSdk.Emulator.Engine;
using StarkSdk.Emulator.Hosting;
using StarkSdk.Emulator.Webhooks;

namespace StarkSdk.Emulator;

/// <summary>
/// A running Stark Bank (or, with <see cref="EmulatorOptions.Api"/>, Stark Infra) API emulator on Kestrel, in this process. Start one per test fixture:
/// <code>
/// await using var emu = await StarkBankEmulator.StartAsync(new EmulatorOptions());
/// emu.RegisterPublicKey("project/123", publicKeyPem);
/// // point the SDK at emu.BaseUrl, create an invoice, then:
/// await emu.PayInvoiceAsync(invoiceId);
/// </code>
/// Everything the admin API (<c>/emulator/...</c>) does is also a method here. The methods that change state deliver
/// the resulting webhooks before they return (unless <see cref="EmulatorOptions.WebhookDelivery"/> is manual).
/// </summary>
public sealed class StarkBankEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorRuntime _runtime;
    private int _disposed;

    private StarkBankEmulator(WebApplication app, EmulatorRuntime runtime, Uri baseUri)
    {
        _app = app;
        _runtime = runtime;
        BaseUri = baseUri;
    }

    /// <summary>The engine behind this instance (tests read its state).</summary>
    internal EmulatorRuntime Runtime => _runtime;

    /// <summary>The root URL, e.g. <c>http://127.0.0.1:49152</c> (no trailing slash). API routes are under <c>/v2</c>.</summary>
    public string BaseUrl => BaseUri.GetLeftPart(UriPartial.Authority);

    /// <summary>The root URL as a <see cref="Uri"/> (ends with '/').</summary>
    public Uri BaseUri { get; }

    /// <summary>The PEM of the emulator's public key: it verifies the Digital-Signature of its webhooks (also served on <c>/v2/public-key</c>).</summary>
    public string PublicKeyPem => _runtime.SigningKey.PublicKey.ToPem();

    /// <summary>The emulated workspace's id (in events and entities).</summary>
    public string WorkspaceId => _runtime.Context.WorkspaceId;

    /// <summary>The options it runs with.</summary>
    public EmulatorOptions Options => _runtime.Options;

    /// <summary>Every webhook delivery sent so far, oldest first.</summary>
    public IReadOnlyList<WebhookDelivery> WebhookDeliveries => _runtime.Dispatcher.History;

    /// <summary>How many webhook deliveries wait for <see cref="FlushWebhooksAsync"/>.</summary>
    public int PendingWebhooks => _runtime.Dispatcher.Pending;

    /// <summary>Starts an emulator and waits until it listens.</summary>
    /// <param name="options">Settings; null for the defaults (127.0.0.1, a free port, the embedded spec).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<StarkBankEmulator> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        var (app, runtime) = Build(options, embedded: true);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            runtime.Dispose();
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel did not report the address it listens on.");
        var uri = new Uri(address.Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal).Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal) + "/");
        runtime.Context.BaseUrl = uri.GetLeftPart(UriPartial.Authority);
        return new StarkBankEmulator(app, runtime, uri);
    }

    /// <summary>Builds the web application (used by <see cref="StartAsync"/> and the command line).</summary>
    internal static (WebApplication App, EmulatorRuntime Runtime) Build(EmulatorOptions options, bool embedded)
    {
        var spec = SpecCache.Resolve(options);
        var behaviours = options.ExtraBehaviours.Concat(options.Behaviours ?? (options.Api == EmulatedApi.StarkInfra ? StarkInfraBehaviours.Create() : StarkBankBehaviours.Create())).ToList();
        var runtime = new EmulatorRuntime(options, spec, behaviours);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(StarkBankEmulator).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        if (!options.EnableLogging)
            builder.Logging.ClearProviders();
        if (options.LoggerProvider != null)
            builder.Logging.AddProvider(options.LoggerProvider);
        if (embedded)
            builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // The pipeline enforces EmulatorOptions.MaxRequestBodyBytes itself, so that the 413 carries the error envelope.
            kestrel.Limits.MaxRequestBodySize = null;
            if (string.Equals(options.Host, "localhost", StringComparison.OrdinalIgnoreCase))
                kestrel.Listen(IPAddress.Loopback, options.Port);
            else
                kestrel.Listen(IPAddress.Parse(options.Host), options.Port);
        });
        var app = builder.Build();
        var pipeline = new RequestPipeline(runtime, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("StarkSdk.Emulator"));
        app.Run(pipeline.HandleAsync);
        return (app, runtime);
    }

    /// <summary>Accepts requests signed for <paramref name="accessId"/> (<c>project/123</c>, <c>organization/456</c>) with the private key of <paramref name="publicKeyPem"/>.</summary>
    public void RegisterPublicKey(string accessId, string publicKeyPem) => _runtime.Keys.Register(accessId, publicKeyPem);

    /// <summary>Pays an invoice as the sandbox does: status paid, payment info, a credit transaction and a Deposit (tag <c>invoice/{id}</c>), logs and events.</summary>
    /// <param name="invoiceId">The invoice.</param>
    /// <param name="amount">The amount paid; null for the invoice's amount (required when the invoice's amount is 0).</param>
    /// <param name="cancellationToken">Cancels webhook delivery.</param>
    /// <returns>The paid invoice and its deposit.</returns>
    /// <exception cref="ApiException">The invoice cannot be paid (unknown, already paid, canceled...).</exception>
    public async Task<InvoicePayment> PayInvoiceAsync(string invoiceId, long? amount = null, CancellationToken cancellationToken = default)
    {
        var result = await RunAdminAsync(InvoiceBehaviour.Collection, invoiceId, "pay", Amount(amount), cancellationToken).ConfigureAwait(false);
        return new InvoicePayment(EmulatorEntity.From(result["invoice"], "invoice"), EmulatorEntity.Maybe(result["deposit"]));
    }

    /// <summary>Pays a boleto as the sandbox does: status paid and a credit transaction.</summary>
    /// <param name="boletoId">The boleto.</param>
    /// <param name="amount">The amount paid; null for the boleto's amount.</param>
    /// <param name="cancellationToken">Cancels webhook delivery.</param>
    /// <returns>The paid boleto and its transaction.</returns>
    /// <exception cref="ApiException">The boleto cannot be paid.</exception>
    public async Task<BoletoPayment> PayBoletoAsync(string boletoId, long? amount = null, CancellationToken cancellationToken = default)
    {
        var result = await RunAdminAsync(BoletoBehaviour.Collection, boletoId, "pay", Amount(amount), cancellationToken).ConfigureAwait(false);
        return new BoletoPayment(EmulatorEntity.From(result["boleto"], "boleto"), EmulatorEntity.Maybe(result["transaction"]));
    }

    /// <summary>Pays a dynamic BR code (by uuid or id): a Deposit tagged <c>dynamic-brcode/{uuid}</c>.</summary>
    /// <param name="uuid">The BR code's uuid (or id).</param>
    /// <param name="amount">The amount paid; null for the BR code's amount.</param>
    /// <param name="cancellationToken">Cancels webhook delivery.</param>
    /// <returns>The BR code and the deposit.</returns>
    /// <exception cref="ApiException">The BR code cannot be paid (paid already, expired...).</exception>
    public async Task<DynamicBrcodePayment> PayDynamicBrcodeAsync(string uuid, long? amount = null, CancellationToken cancellationToken = default)
    {
        var result = await RunAdminAsync(DynamicBrcodeBehaviour.Collection, uuid, "pay", Amount(amount), cancellationToken).ConfigureAwait(false);
        return new DynamicBrcodePayment(EmulatorEntity.From(result["brcode"], "brcode"), EmulatorEntity.Maybe(result["deposit"]));
    }

    /// <summary>A Pix cash-in from an external account: a Deposit and a credit transaction.</summary>
    /// <param name="amount">The amount in cents.</param>
    /// <param name="tags">The deposit's tags.</param>
    /// <param name="cancellationToken">Cancels webhook delivery.</param>
    /// <returns>The deposit.</returns>
    public async Task<EmulatorEntity> CreateDepositAsync(long amount, IEnumerable<string>? tags = null, CancellationToken cancellationToken = default)
    {
        var body = new JObject { ["amount"] = amount, ["tags"] = new JArray((tags ?? Array.Empty<string>()).ToArray()) };
        var result = await RunAdminAsync(DepositBehaviour.Collection, null, "create", body, cancellationToken).ConfigureAwait(false);
        return EmulatorEntity.From(result["deposit"], "deposit");
    }

    /// <summary>
    /// Settles a cash-out (<c>transfer</c>, <c>brcode-payment</c>, <c>boleto-payment</c>, <c>utility-payment</c>,
    /// <c>tax-payment</c>, <c>darf-payment</c>): processing, then success (debiting the balance) or failed.
    /// </summary>
    /// <param name="collection">The cash-out's collection.</param>
    /// <param name="id">Its id.</param>
    /// <param name="success">Success (true) or failure.</param>
    /// <param name="cancellationToken">Cancels webhook delivery.</param>
    /// <returns>The entity.</returns>
    public async Task<EmulatorEntity> SettleAsync(string collection, string id, bool success = true, CancellationToken cancellationToken = default) =>
        EmulatorEntity.From(await RunAdminAsync(collection, id, "settle", new JObject { ["success"] = success }, cancellationToken).ConfigureAwait(false), collection);

    /// <summary>Settles every pending entity of a cash-out collection.</summary>
    /// <param name="collection">The cash-out's collection.</param>
    /// <param name="success">Success (true) or failure.</param>
    /// <param name="cancellationToken">Cancels webhook delivery.</param>
    /// <returns>The settled entities.</returns>
    public async Task<IReadOnlyList<EmulatorEntity>> SettleAllAsync(string collection, bool success = true, CancellationToken cancellationToken = default)
    {
        var result = await RunAdminAsync(collection, null, "settle", new JObject { ["success"] = success }, cancellationToken).ConfigureAwait(false);
        return EmulatorEntity.List(result.Properties().Select(p => p.Value).OfType<JArray>().FirstOrDefault());
    }

    /// <summary>Completes (or fails) the 3DS challenge of a pending merchant purchase.</summary>
    /// <param name="purchaseId">The purchase.</param>
    /// <param name="approved">Whether the holder passed the challenge.</param>
    /// <param name="cancellationToken">Cancels webhook delivery.</param>
    /// <returns>The purchase.</returns>
    public async Task<EmulatorEntity> CompleteChallengeAsync(string purchaseId, bool approved = true, CancellationToken cancellationToken = default)
    {
        var result = await RunAdminAsync(MerchantBehaviour.Purchases, purchaseId, "challenge", new JObject { ["approved"] = approved }, cancellationToken).ConfigureAwait(false);
        return EmulatorEntity.From(result["purchase"], "purchase");
    }

    /// <summary>Pays a confirmed merchant purchase's installments (crediting the workspace) and marks it paid.</summary>
    /// <param name="purchaseId">The purchase.</param>
    /// <param name="cancellationToken">Cancels webhook delivery.</param>
    /// <returns>The purchase and its installments.</returns>
    public async Task<PurchaseSettlement> SettlePurchaseAsync(string purchaseId, CancellationToken cancellationToken = default)
    {
        var result = await RunAdminAsync(MerchantBehaviour.Purchases, purchaseId, "settle", new JObject(), cancellationToken).ConfigureAwait(false);
        return new PurchaseSettlement(EmulatorEntity.From(result["purchase"], "purchase"), EmulatorEntity.List(result["installments"]));
    }

    /// <summary>Moves any entity to a status of its enum, writing a log (type = <paramref name="logType"/> or the status) and so an event.</summary>
    /// <param name="collection">The entity's collection (<c>invoice</c>, <c>pix-reversal</c>...).</param>
    /// <param name="id">Its id.</param>
    /// <param name="status">The new status.</param>
    /// <param name="logType">The log's type; null for the status.</param>
    /// <param name="cancellationToken">Cancels webhook delivery.</param>
    /// <returns>The entity.</returns>
    public async Task<EmulatorEntity> SetStatusAsync(string collection, string id, string status, string? logType = null, CancellationToken cancellationToken = default) =>
        EmulatorEntity.From(await RunAdminAsync(collection, id, "status", new JObject { ["status"] = status, ["logType"] = logType }, cancellationToken).ConfigureAwait(false), collection);

    /// <summary>Runs any admin trigger: the same as <c>POST /emulator/{collection}/{id}/{action}</c> (or <c>/emulator/{collection}/{action}</c> when <paramref name="id"/> is null).</summary>
    /// <param name="collection">The collection.</param>
    /// <param name="id">The entity, or null for a collection trigger.</param>
    /// <param name="action">The trigger (<c>pay</c>, <c>settle</c>, <c>status</c>...).</param>
    /// <param name="body">The trigger's parameters, as a JSON object text (null for none).</param>
    /// <param name="cancellationToken">Cancels webhook delivery.</param>
    /// <returns>The trigger's answer, as JSON text.</returns>
    /// <exception cref="ApiException">The trigger was refused (same errors as the HTTP route).</exception>
    public async Task<string> AdminAsync(string collection, string? id, string action, string? body = null, CancellationToken cancellationToken = default)
    {
        JObject input;
        try
        {
            input = string.IsNullOrWhiteSpace(body) ? new JObject() : JObject.Parse(body!);
        }
        catch (JsonReaderException e)
        {
            throw new ApiException("invalidJson", "body: is not a JSON object: " + e.Message);
        }
        return (await RunAdminAsync(collection, id, action, input, cancellationToken).ConfigureAwait(false)).ToString(Formatting.None);
    }

    private async Task<JObject> RunAdminAsync(string collection, string? id, string action, JObject input, CancellationToken cancellationToken)
    {
        foreach (var property in input.Properties().Where(p => p.Value.Type == JTokenType.Null).ToList())
            property.Remove();
        var result = await _runtime.MutateAsync(_ => _runtime.Admin(collection, id, action, input), cancellationToken).ConfigureAwait(false);
        return result as JObject ?? new JObject { ["result"] = result };
    }

    /// <summary>A snapshot of a stored entity (by id, or by uuid), or null.</summary>
    /// <param name="collection">The collection (<c>invoice</c>, <c>invoice/log</c>...).</param>
    /// <param name="id">The id or uuid.</param>
    public EmulatorEntity? Find(string collection, string id)
    {
        lock (_runtime.Store.SyncRoot)
        {
            var found = _runtime.Context.Find(collection, id) ?? _runtime.Context.Find(collection, id, "uuid");
            return found is JObject entity ? new EmulatorEntity(entity) : null;
        }
    }

    /// <summary>Snapshots of every stored entity of a collection, newest first.</summary>
    /// <param name="collection">The collection (<c>invoice</c>, <c>invoice/log</c>...).</param>
    public IReadOnlyList<EmulatorEntity> All(string collection)
    {
        lock (_runtime.Store.SyncRoot)
            return _runtime.Context.All(collection).Reverse().Select(e => new EmulatorEntity(e)).ToList();
    }

    /// <summary>Delivers queued webhooks (needed only with <see cref="WebhookDeliveryMode.Manual"/>).</summary>
    /// <returns>How many deliveries were sent.</returns>
    public Task<int> FlushWebhooksAsync(CancellationToken cancellationToken = default) => _runtime.Dispatcher.FlushAsync(cancellationToken);

    /// <summary>Forgets every entity, event and webhook delivery, and seeds the initial state again. Registered keys stay.</summary>
    public Task ResetAsync()
    {
        _runtime.Reset();
        return Task.CompletedTask;
    }

    /// <summary>Stops listening and releases everything.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            _runtime.Dispose();
        }
    }

    private static JObject Amount(long? amount) => amount is { } a ? new JObject { ["amount"] = a } : new JObject();
}
