using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace StarkSdk.AspNetCore;

/// <summary>Registers webhook event handlers and the event deduplicator the Stark webhook endpoints use.</summary>
public static class StarkWebhookServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="THandler"/> (scoped) as a handler of <typeparamref name="TEvent"/> events: every
    /// webhook endpoint mapped with <c>MapStarkBankWebhook</c> or <c>MapStarkInfraWebhook</c> runs it for each verified
    /// event of that type.
    /// </summary>
    /// <typeparam name="TEvent">The event type, e.g. <c>StarkSdk.Bank.InvoiceEvent</c>.</typeparam>
    /// <typeparam name="THandler">The handler.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddStarkEventHandler<TEvent, THandler>(this IServiceCollection services)
        where THandler : class, IStarkEventHandler<TEvent>
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IStarkEventHandler<TEvent>, THandler>());
        return services;
    }

    /// <summary>
    /// Replaces the webhook endpoints' in-memory deduplicator with <typeparamref name="TDeduplicator"/> (a singleton), e.g.
    /// one over a database shared by every instance.
    /// </summary>
    /// <typeparam name="TDeduplicator">The deduplicator.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddStarkEventDeduplicator<TDeduplicator>(this IServiceCollection services)
        where TDeduplicator : class, IStarkEventDeduplicator
    {
        ArgumentNullException.ThrowIfNull(services);
        services.RemoveAll<IStarkEventDeduplicator>();
        services.AddSingleton<IStarkEventDeduplicator, TDeduplicator>();
        return services;
    }
}
