using System;
using System.Collections.Generic;
using StarkSdk.Emulator.Engine;
using StarkSdk.Emulator.Spec;

namespace StarkSdk.Emulator;

/// <summary>How webhooks are delivered.</summary>
public enum WebhookDeliveryMode
{
    /// <summary>Every API or admin call that creates events delivers them before it returns (the default: tests need not wait).</summary>
    Immediate,

    /// <summary>Events wait in a queue until <see cref="StarkBankEmulator.FlushWebhooksAsync"/> or <c>POST /emulator/webhooks/flush</c>.</summary>
    Manual,
}

/// <summary>Which API an emulator serves.</summary>
public enum EmulatedApi
{
    /// <summary>The Stark Bank API (openapi/starkbank.yaml and the Stark Bank sandbox behaviours).</summary>
    StarkBank,

    /// <summary>The Stark Infra API (openapi/starkinfra.yaml and the Stark Infra sandbox behaviours).</summary>
    StarkInfra,
}

/// <summary>Settings of an emulator instance. Every property has a default that suits tests.</summary>
public sealed class EmulatorOptions
{
    /// <summary>The address to listen on: <c>127.0.0.1</c> by default (use <c>0.0.0.0</c> in a container).</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The TCP port; 0 (the default) picks a free one. Read the result from <see cref="StarkBankEmulator.BaseUrl"/>.</summary>
    public int Port { get; set; }

    /// <summary>The API to serve: its embedded spec and its sandbox behaviours (Stark Bank by default).</summary>
    public EmulatedApi Api { get; set; } = EmulatedApi.StarkBank;

    /// <summary>A spec file (YAML or JSON) to serve instead of the embedded one of <see cref="Api"/>.</summary>
    public string? SpecPath { get; set; }

    /// <summary>An already loaded spec to serve (wins over <see cref="SpecPath"/>).</summary>
    public ApiSpec? Spec { get; set; }

    /// <summary>Whether requests must carry a valid Access-Id/Access-Time/Access-Signature (true by default).</summary>
    public bool RequireSignatures { get; set; } = true;

    /// <summary>How far Access-Time may be from the emulator's clock (10 minutes by default).</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Public keys to accept from the start: access id (<c>project/123</c>, <c>organization/456</c>) → PEM.</summary>
    public IDictionary<string, string> PublicKeys { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Whether request fields the spec does not declare are rejected (true by default: catches typos and SDK drift).</summary>
    public bool RejectUnknownProperties { get; set; } = true;

    /// <summary>
    /// Whether unknown query parameters are rejected on POST, PATCH and PUT too (false by default). The official Stark
    /// SDKs repeat a single object's fields as query parameters when they create it (<c>POST /v2/webhook?url=...</c>),
    /// so by default those are ignored (logged when <see cref="EnableLogging"/> is on); on GET and DELETE unknown
    /// parameters are always rejected while <see cref="RejectUnknownProperties"/> is on.
    /// </summary>
    public bool StrictQueryParameters { get; set; }

    /// <summary>The largest request body accepted, in bytes (16 MiB by default); larger ones get 413 <c>bodyTooLarge</c>.</summary>
    public long MaxRequestBodyBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>The emulator's clock (entity dates and the Access-Time check). Defaults to the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>A seed that makes ids, uuids and other random values repeatable.</summary>
    public int? Seed { get; set; }

    /// <summary>The id of the emulated workspace (put in events and entities); generated when null.</summary>
    public string? WorkspaceId { get; set; }

    /// <summary>The workspace balance at start-up and after a reset, in cents (0 by default, as in the sandbox).</summary>
    public long InitialBalance { get; set; }

    /// <summary>
    /// Whether cash-outs (transfers, payments) fail when the balance is too low. False by default, so tests need not fund
    /// the workspace first: the balance may go negative.
    /// </summary>
    public bool EnforceBalance { get; set; }

    /// <summary>The emulator's private key (PEM) that signs webhooks; a new one is generated when null.</summary>
    public string? SigningKeyPem { get; set; }

    /// <summary>When webhooks are delivered (immediately by default).</summary>
    public WebhookDeliveryMode WebhookDelivery { get; set; } = WebhookDeliveryMode.Immediate;

    /// <summary>Timeout of one webhook delivery (10 seconds by default).</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether webhooks may be delivered to hosts other than loopback ones (false by default).</summary>
    public bool AllowExternalWebhooks { get; set; }

    /// <summary>
    /// Behaviours to use instead of the default ones of <see cref="Api"/> (null = <see cref="Behaviours.StarkBankBehaviours.Create"/>
    /// or <see cref="Behaviours.StarkInfraBehaviours.Create"/>).
    /// Add to the defaults with <see cref="ExtraBehaviours"/>.
    /// </summary>
    public IList<ResourceBehaviour>? Behaviours { get; set; }

    /// <summary>Behaviours that run before the default ones (they get the first say in every hook).</summary>
    public IList<ResourceBehaviour> ExtraBehaviours { get; } = new List<ResourceBehaviour>();

    /// <summary>Whether ASP.NET Core writes its logs to the console (false by default).</summary>
    public bool EnableLogging { get; set; }

    /// <summary>
    /// A logger provider that receives the emulator's logs (e.g. the query parameters it ignored), whatever
    /// <see cref="EnableLogging"/> says; null for none.
    /// </summary>
    public Microsoft.Extensions.Logging.ILoggerProvider? LoggerProvider { get; set; }
}
