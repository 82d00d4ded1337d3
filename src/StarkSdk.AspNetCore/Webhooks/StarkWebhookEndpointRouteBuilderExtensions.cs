using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StarkSdk.Bank;
using StarkSdk.Infra;

namespace StarkSdk.AspNetCore;

/// <summary>Maps the URLs Stark Bank and Stark Infra post their signed webhook events to.</summary>
public static class StarkWebhookEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps a POST endpoint at <paramref name="pattern"/> that receives Stark Bank's webhook events: it verifies the
    /// <c>Digital-Signature</c> against the exact raw body with Stark Bank's public key (cached by the client, fetched again
    /// once when a check fails), skips events already handled, and runs the handlers added with <c>On&lt;T&gt;</c> and
    /// registered with <see cref="StarkWebhookServiceCollectionExtensions.AddStarkEventHandler{TEvent, THandler}"/>.
    /// </summary>
    /// <example>
    /// <code>
    /// app.MapStarkBankWebhook("/stark/events")
    ///    .On&lt;InvoiceEvent&gt;((e, ct) =&gt; invoices.MarkAsync(e.Log.Invoice, ct))
    ///    .On&lt;TransferEvent&gt;((e, ct) =&gt; transfers.UpdateAsync(e.Log.Transfer, ct));
    /// </code>
    /// </example>
    /// <param name="endpoints">The application or route group.</param>
    /// <param name="pattern">The route, e.g. <c>/stark/events</c> (the URL registered as the webhook).</param>
    /// <param name="client">The client whose public key cache verifies the events; null resolves <see cref="StarkBankClient"/> from the services once (see <c>AddStarkBank</c>).</param>
    /// <returns>A builder to add handlers and endpoint conventions.</returns>
    public static StarkWebhookEndpointBuilder<StarkSdk.Bank.Event> MapStarkBankWebhook(this IEndpointRouteBuilder endpoints, string pattern, StarkBankClient? client = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var source = new ClientSource<StarkBankClient>(endpoints.ServiceProvider, client, "services.AddStarkBank(...)");
        return Map<StarkSdk.Bank.Event>(endpoints, pattern, "StarkBank", (content, signature, ct) => source.Get().Events.ParseAsync(content, signature, cancellationToken: ct), e => e.Id);
    }

    /// <summary>
    /// Maps a POST endpoint at <paramref name="pattern"/> that receives Stark Infra's webhook events, as
    /// <see cref="MapStarkBankWebhook"/> does for Stark Bank's (verified with Stark Infra's public key).
    /// </summary>
    /// <param name="endpoints">The application or route group.</param>
    /// <param name="pattern">The route (the URL registered as the webhook).</param>
    /// <param name="client">The client whose public key cache verifies the events; null resolves <see cref="StarkInfraClient"/> from the services once (see <c>AddStarkInfra</c>).</param>
    /// <returns>A builder to add handlers and endpoint conventions.</returns>
    public static StarkWebhookEndpointBuilder<StarkSdk.Infra.Event> MapStarkInfraWebhook(this IEndpointRouteBuilder endpoints, string pattern, StarkInfraClient? client = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var source = new ClientSource<StarkInfraClient>(endpoints.ServiceProvider, client, "services.AddStarkInfra(...)");
        return Map<StarkSdk.Infra.Event>(endpoints, pattern, "StarkInfra", (content, signature, ct) => source.Get().Events.ParseAsync(content, signature, cancellationToken: ct), e => e.Id);
    }

    private static StarkWebhookEndpointBuilder<TEvent> Map<TEvent>(
        IEndpointRouteBuilder endpoints,
        string pattern,
        string api,
        Func<string, string?, CancellationToken, Task<TEvent>> parse,
        Func<TEvent, string?> idOf)
        where TEvent : class
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        var settings = new WebhookEndpointSettings<TEvent>();
        var endpoint = new WebhookEndpoint<TEvent>(api, parse, idOf, settings, endpoints.ServiceProvider);
        var inner = endpoints.MapMethods(pattern, [HttpMethods.Post], endpoint.HandleAsync).WithDisplayName($"{api} webhook {pattern}");
        return new StarkWebhookEndpointBuilder<TEvent>(inner, settings);
    }
}

/// <summary>
/// The client an endpoint verifies with: given, or resolved once from the root services and then kept, so that its
/// cached public key serves every delivery (typed clients are transient: resolving one per request would fetch the key
/// each time).
/// </summary>
internal sealed class ClientSource<TClient>(IServiceProvider services, TClient? client, string registration)
    where TClient : class
{
    private TClient? _client = client;

    public TClient Get() => Volatile.Read(ref _client) ?? Resolve();

    public void Set(TClient value) => Volatile.Write(ref _client, value);

    private TClient Resolve()
    {
        var resolved = services.GetService<TClient>()
            ?? throw new InvalidOperationException($"No {typeof(TClient).Name} is registered: call {registration} or pass the client when mapping the endpoint.");
        return Interlocked.CompareExchange(ref _client, resolved, null) ?? resolved;
    }
}
