using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StarkSdk.Infra;

namespace StarkSdk.AspNetCore;

/// <summary>
/// Maps the URLs Stark Infra posts its signed authorization requests to (inbound Pix requests and reversals, card
/// purchases, card tokens and their activation codes): every callback of the generated <see cref="StarkInfraCallbacks"/>
/// that expects a decision.
/// </summary>
public static class StarkInfraAuthorizationEndpointRouteBuilderExtensions
{
    /// <summary>The deadline of a callback whose spec states none: the card token authorization's 2 seconds.</summary>
    internal static readonly TimeSpan UndocumentedDeadline = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Maps a POST endpoint at <paramref name="pattern"/> answering the Stark Infra authorization whose request is
    /// <typeparamref name="TRequest"/>: it verifies the <c>Digital-Signature</c> against the raw body with Stark Infra's
    /// cached public key, passes the request to <paramref name="handler"/> and answers its decision (for example
    /// <c>PixRequestAuthorizationResponse.Approve()</c>). When the documented deadline passes first, the handler's token
    /// fires and the endpoint answers the documented safe default (a denial), as it does when the handler throws.
    /// </summary>
    /// <example>
    /// <code>
    /// app.MapStarkInfraAuthorization&lt;PixRequest&gt;("/pix/requests", (request, ct) =&gt; PixRequestAuthorizationResponse.Approve());
    /// </code>
    /// </example>
    /// <typeparam name="TRequest">The authorization request: <c>PixRequest</c>, <c>PixReversal</c>, <c>IssuingPurchaseAuthorizationRequest</c> (card tokens share <c>IssuingTokenAuthorizationRequest</c>: name the answer type with the two-type overload).</typeparam>
    /// <param name="endpoints">The application or route group.</param>
    /// <param name="pattern">The route (the URL registered with Stark Infra).</param>
    /// <param name="handler">Decides; returns the callback's answer type (e.g. <c>PixRequestAuthorizationResponse</c>).</param>
    /// <returns>A builder to change the deadline and add endpoint conventions.</returns>
    /// <exception cref="ArgumentException"><typeparamref name="TRequest"/> is the request of no authorization, or of several.</exception>
    public static StarkInfraAuthorizationEndpointBuilder MapStarkInfraAuthorization<TRequest>(this IEndpointRouteBuilder endpoints, string pattern, Func<TRequest, CancellationToken, object> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Map(endpoints, pattern, Find(typeof(TRequest), null), async (request, ct) => await Unwrap(handler((TRequest)request, ct)).ConfigureAwait(false));
    }

    /// <summary>As <see cref="MapStarkInfraAuthorization{TRequest}(IEndpointRouteBuilder, string, Func{TRequest, CancellationToken, object})"/>, with an asynchronous handler.</summary>
    /// <typeparam name="TRequest">The authorization request type.</typeparam>
    /// <param name="endpoints">The application or route group.</param>
    /// <param name="pattern">The route.</param>
    /// <param name="handler">Decides; its token fires at the deadline.</param>
    /// <returns>A builder to change the deadline and add endpoint conventions.</returns>
    public static StarkInfraAuthorizationEndpointBuilder MapStarkInfraAuthorization<TRequest>(this IEndpointRouteBuilder endpoints, string pattern, Func<TRequest, CancellationToken, Task<object>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Map(endpoints, pattern, Find(typeof(TRequest), null), async (request, ct) => await handler((TRequest)request, ct).ConfigureAwait(false));
    }

    /// <summary>
    /// Maps the authorization whose request is <typeparamref name="TRequest"/> and answer <typeparamref name="TAnswer"/>,
    /// checked at compile time (and the only way to tell the card token authorization from the activation-code check).
    /// </summary>
    /// <typeparam name="TRequest">The authorization request type.</typeparam>
    /// <typeparam name="TAnswer">The answer type, e.g. <c>IssuingTokenAuthorizationResponse</c>.</typeparam>
    /// <param name="endpoints">The application or route group.</param>
    /// <param name="pattern">The route.</param>
    /// <param name="handler">Decides; its token fires at the deadline.</param>
    /// <returns>A builder to change the deadline and add endpoint conventions.</returns>
    public static StarkInfraAuthorizationEndpointBuilder MapStarkInfraAuthorization<TRequest, TAnswer>(this IEndpointRouteBuilder endpoints, string pattern, Func<TRequest, CancellationToken, Task<TAnswer>> handler)
        where TAnswer : class
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Map(endpoints, pattern, Find(typeof(TRequest), typeof(TAnswer)), async (request, ct) => await handler((TRequest)request, ct).ConfigureAwait(false));
    }

    /// <summary>As the asynchronous overload, with a synchronous handler.</summary>
    /// <typeparam name="TRequest">The authorization request type.</typeparam>
    /// <typeparam name="TAnswer">The answer type.</typeparam>
    /// <param name="endpoints">The application or route group.</param>
    /// <param name="pattern">The route.</param>
    /// <param name="handler">Decides.</param>
    /// <returns>A builder to change the deadline and add endpoint conventions.</returns>
    public static StarkInfraAuthorizationEndpointBuilder MapStarkInfraAuthorization<TRequest, TAnswer>(this IEndpointRouteBuilder endpoints, string pattern, Func<TRequest, CancellationToken, TAnswer> handler)
        where TAnswer : class
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Map(endpoints, pattern, Find(typeof(TRequest), typeof(TAnswer)), (request, ct) => Task.FromResult<object?>(handler((TRequest)request, ct)));
    }

    /// <summary>
    /// Maps a POST endpoint at <paramref name="pattern"/> for a Stark Infra callback that expects no decision (the card token
    /// activation notice, <c>IssuingTokenActivation</c>): it verifies the signature against the raw body, runs
    /// <paramref name="handler"/>, and answers 200 once it succeeds, 400 for a bad signature and 500 when it throws.
    /// </summary>
    /// <typeparam name="TNotice">The notice type, e.g. <c>IssuingTokenActivation</c>.</typeparam>
    /// <param name="endpoints">The application or route group.</param>
    /// <param name="pattern">The route (the URL registered with Stark Infra).</param>
    /// <param name="handler">Handles the notice; its token fires when the request is aborted.</param>
    /// <param name="client">The client whose public key cache verifies the notices; null resolves <see cref="StarkInfraClient"/> from the services once.</param>
    /// <returns>The endpoint's convention builder.</returns>
    /// <exception cref="ArgumentException"><typeparamref name="TNotice"/> is no such callback's type.</exception>
    public static IEndpointConventionBuilder MapStarkInfraNotification<TNotice>(this IEndpointRouteBuilder endpoints, string pattern, Func<TNotice, CancellationToken, Task> handler, StarkInfraClient? client = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        ArgumentNullException.ThrowIfNull(handler);
        var callback = StarkInfraCallbacks.All.SingleOrDefault(c => c.AnswerType is null && c.EnvelopeKey is null && c.HttpMethod == HttpMethods.Post && c.ResultType == typeof(TNotice))
            ?? throw new ArgumentException($"No Stark Infra notification carries a {typeof(TNotice).Name}. The notifications: {string.Join(", ", StarkInfraCallbacks.All.Where(c => c.AnswerType is null && c.EnvelopeKey is null && c.HttpMethod == HttpMethods.Post).Select(c => c.ResultType.Name))} (events: MapStarkInfraWebhook; decisions: MapStarkInfraAuthorization).");
        var source = new ClientSource<StarkInfraClient>(endpoints.ServiceProvider, client, "services.AddStarkInfra(...)");
        var endpoint = new NotificationEndpoint(callback, source, (notice, ct) => handler((TNotice)notice, ct), endpoints.ServiceProvider);
        return endpoints.MapMethods(pattern, [HttpMethods.Post], endpoint.HandleAsync).WithDisplayName($"Stark Infra {callback.Name} {pattern}");
    }

    /// <summary>
    /// Maps a GET endpoint at <paramref name="pattern"/> answering Stark Infra's read of a dynamic BR code: it verifies the
    /// <c>Digital-Signature</c> of the <c>uuid</c> query value, passes the uuid to <paramref name="handler"/> and answers its
    /// <see cref="DynamicBrcodeDueResponse"/> or <see cref="DynamicBrcodeInstantResponse"/> as JSON. The spec documents no
    /// denial for a read: past the deadline (5 seconds), or when the handler throws or answers incompletely, the endpoint
    /// answers 503 with no data, so nothing can be paid with made-up values.
    /// </summary>
    /// <param name="endpoints">The application or route group.</param>
    /// <param name="pattern">The route (the URL registered for the BR codes).</param>
    /// <param name="handler">Builds the answer for the uuid; its token fires at the deadline.</param>
    /// <returns>A builder to change the deadline and add endpoint conventions.</returns>
    public static StarkInfraAuthorizationEndpointBuilder MapStarkInfraDynamicBrcodeRead(this IEndpointRouteBuilder endpoints, string pattern, Func<string, CancellationToken, Task<object>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var callback = StarkInfraCallbacks.DynamicBrcodeRead;
        var settings = new AuthorizationEndpointSettings(callback, callback.DocumentedDeadline ?? UndocumentedDeadline)
        {
            QueryParameter = "uuid",
            Serialize = answer => answer switch
            {
                DynamicBrcodeDueResponse due => due.ToJson(),
                DynamicBrcodeInstantResponse instant => instant.ToJson(),
                _ => null,
            },
            ExpectedAnswer = "a DynamicBrcodeDueResponse or DynamicBrcodeInstantResponse",
            SafeStatus = StatusCodes.Status503ServiceUnavailable,
            SafeJson = null,
        };
        return Map(endpoints, pattern, settings, async (uuid, ct) => await handler((string)uuid, ct).ConfigureAwait(false), HttpMethods.Get);
    }

    private static StarkInfraAuthorizationEndpointBuilder Map(IEndpointRouteBuilder endpoints, string pattern, StarkInfraCallback callback, Func<object, CancellationToken, Task<object?>> handler) =>
        Map(endpoints, pattern, new AuthorizationEndpointSettings(callback, callback.DocumentedDeadline ?? UndocumentedDeadline), handler, HttpMethods.Post);

    private static StarkInfraAuthorizationEndpointBuilder Map(IEndpointRouteBuilder endpoints, string pattern, AuthorizationEndpointSettings settings, Func<object, CancellationToken, Task<object?>> handler, string method)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        var client = new ClientSource<StarkInfraClient>(endpoints.ServiceProvider, null, "services.AddStarkInfra(...)");
        var endpoint = new AuthorizationEndpoint(settings, client, handler, endpoints.ServiceProvider);
        var inner = endpoints.MapMethods(pattern, [method], endpoint.HandleAsync).WithDisplayName($"Stark Infra {settings.Callback.Name} {pattern}");
        return new StarkInfraAuthorizationEndpointBuilder(inner, settings, client);
    }

    /// <summary>The authorization callback for the request (and answer) type, from the generated registry.</summary>
    internal static StarkInfraCallback Find(Type request, Type? answer)
    {
        var matches = StarkInfraCallbacks.All.Where(c => c.IsAuthorization && c.ResultType == request && (answer is null || c.AnswerType == answer)).ToList();
        if (matches.Count == 1)
        {
            return matches[0];
        }

        var known = string.Join(", ", StarkInfraCallbacks.All.Where(c => c.IsAuthorization).Select(c => $"{c.ResultType.Name} -> {c.AnswerType!.Name} ({c.Name})"));
        throw new ArgumentException(matches.Count == 0
            ? $"No Stark Infra authorization takes a {request.Name}{(answer is null ? string.Empty : " and answers a " + answer.Name)}. The authorizations: {known}."
            : $"{request.Name} is the request of several Stark Infra authorizations ({string.Join(", ", matches.Select(m => m.Name))}): name the answer type, as in MapStarkInfraAuthorization<{request.Name}, {matches[0].AnswerType!.Name}>(...).");
    }

    /// <summary>A handler that returned a task through the object-returning overload still gets its result awaited.</summary>
    private static async Task<object?> Unwrap(object? result)
    {
        if (result is Task task)
        {
            await task.ConfigureAwait(false);
            return task.GetType().GetProperty("Result")?.GetValue(task);
        }

        return result;
    }
}
