using System;
using Microsoft.AspNetCore.Builder;
using StarkSdk.Infra;

namespace StarkSdk.AspNetCore;

/// <summary>
/// A mapped Stark Infra authorization endpoint: change its deadline with <see cref="WithDeadline"/>, and add endpoint
/// conventions as on any other endpoint.
/// </summary>
public sealed class StarkInfraAuthorizationEndpointBuilder : IEndpointConventionBuilder
{
    private readonly IEndpointConventionBuilder _inner;
    private readonly AuthorizationEndpointSettings _settings;
    private readonly ClientSource<StarkInfraClient> _client;

    internal StarkInfraAuthorizationEndpointBuilder(IEndpointConventionBuilder inner, AuthorizationEndpointSettings settings, ClientSource<StarkInfraClient> client)
    {
        _inner = inner;
        _settings = settings;
        _client = client;
    }

    /// <summary>The callback this endpoint answers (from the generated <see cref="StarkInfraCallbacks"/>).</summary>
    public StarkInfraCallback Callback => _settings.Callback;

    /// <summary>The deadline in force: the one set with <see cref="WithDeadline"/>, else the spec's documented one.</summary>
    public TimeSpan Deadline => _settings.Deadline;

    /// <summary>
    /// Answers the safe default once <paramref name="deadline"/> has passed since the request arrived (the handler's token
    /// fires then). The default is the spec's documented limit (<see cref="StarkInfraCallback.DocumentedDeadline"/>); a
    /// shorter one leaves room for the network.
    /// </summary>
    /// <param name="deadline">The time allowed for verification and the handler, more than zero.</param>
    /// <returns>This builder.</returns>
    public StarkInfraAuthorizationEndpointBuilder WithDeadline(TimeSpan deadline)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(deadline, TimeSpan.Zero);
        _settings.Deadline = deadline;
        return this;
    }

    /// <summary>Verifies with <paramref name="client"/> (and its cached public key) instead of the <see cref="StarkInfraClient"/> registered in the services.</summary>
    /// <param name="client">The client.</param>
    /// <returns>This builder.</returns>
    public StarkInfraAuthorizationEndpointBuilder UseClient(StarkInfraClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client.Set(client);
        return this;
    }

    /// <inheritdoc/>
    public void Add(Action<EndpointBuilder> convention) => _inner.Add(convention);

    /// <inheritdoc/>
    public void Finally(Action<EndpointBuilder> finallyConvention) => _inner.Finally(finallyConvention);
}

/// <summary>What an authorization endpoint answers and within what time.</summary>
internal sealed class AuthorizationEndpointSettings(StarkInfraCallback callback, TimeSpan deadline)
{
    public StarkInfraCallback Callback { get; } = callback;

    /// <summary>For a GET callback, the signed query parameter (<c>uuid</c>); null when the signed content is the body.</summary>
    public string? QueryParameter { get; init; }

    /// <summary>The handler's answer as JSON, or null when it is not an answer to this callback.</summary>
    public Func<object, string?> Serialize { get; init; } = answer => callback.AnswerType!.IsInstanceOfType(answer) ? AuthorizationEndpoint.Serialize(answer) : null;

    /// <summary>What the handler should answer, for the logs.</summary>
    public string ExpectedAnswer { get; init; } = "a " + callback.AnswerType?.Name;

    /// <summary>The status of the safe default: 200 with the documented denial.</summary>
    public int SafeStatus { get; init; } = 200;

    /// <summary>The body of the safe default: the documented denial.</summary>
    public string? SafeJson { get; init; } = callback.SafeDefaultAnswerJson;

    public TimeSpan Deadline { get; set; } = deadline;

    public long MaxBodyBytes { get; set; } = 1024 * 1024;
}
