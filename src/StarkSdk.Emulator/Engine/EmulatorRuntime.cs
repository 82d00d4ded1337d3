using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using StarkSdk.Emulator.Auth;
using StarkSdk.Emulator.Spec;
using StarkSdk.Emulator.State;
using StarkSdk.Emulator.Webhooks;
using StarkSdk.Core;

namespace StarkSdk.Emulator.Engine;

/// <summary>
/// The spec-driven core of an emulator, independent of HTTP hosting and of any one API: spec catalog, state, auth,
/// validation, the generic resource engine, behaviours, events and webhooks.
/// </summary>
internal sealed class EmulatorRuntime : IDisposable
{
    public EmulatorRuntime(EmulatorOptions options, ApiSpec spec, IReadOnlyList<ResourceBehaviour> behaviours)
    {
        Options = options;
        Catalog = new SpecCatalog(spec);
        Store = new EntityStore();
        Clock = new Clock(options.TimeProvider);
        var ids = new IdGenerator(options.Seed);
        SigningKey = options.SigningKeyPem != null ? PrivateKey.FromPem(options.SigningKeyPem) : PrivateKey.FromPem(Key.Create().PrivatePem);
        Keys = new KeyRegistry();
        foreach (var (accessId, pem) in options.PublicKeys)
            Keys.Register(accessId, pem);
        Authenticator = new RequestAuthenticator(Keys, () => Clock.Now, options.MaxClockSkew);
        Validator = new SchemaValidator(spec, options.RejectUnknownProperties);
        Context = new EmulatorContext(Catalog, Store, ids, Clock, options, behaviours, options.WorkspaceId ?? ids.NewId());
        Context.SigningPublicKeyPem = SigningKey.PublicKey.ToPem();
        Engine = new ResourceEngine(Context);
        Dispatcher = new WebhookDispatcher(options);
        Dispatcher.Attach(Context);
        Events = new EventPublisher(Context, SigningKey, Dispatcher);
        Context.LogCreated = Events.OnLog;
        lock (Store.SyncRoot)
            Seed();
    }

    public EmulatorOptions Options { get; }

    public SpecCatalog Catalog { get; }

    public EntityStore Store { get; }

    public Clock Clock { get; }

    public PrivateKey SigningKey { get; }

    public KeyRegistry Keys { get; }

    public RequestAuthenticator Authenticator { get; }

    public SchemaValidator Validator { get; }

    public EmulatorContext Context { get; }

    public ResourceEngine Engine { get; }

    public WebhookDispatcher Dispatcher { get; }

    public EventPublisher Events { get; }

    /// <summary>Forgets every entity, queued webhook and delivery, then seeds again. Registered keys stay.</summary>
    public void Reset()
    {
        lock (Store.SyncRoot)
        {
            Store.Clear();
            Dispatcher.Clear();
            Seed();
        }
    }

    private void Seed()
    {
        // Seeding must not raise events: detach the publisher meanwhile.
        var publisher = Context.LogCreated;
        Context.LogCreated = null;
        try
        {
            foreach (var behaviour in Context.Behaviours)
                behaviour.Seed(Context);
        }
        finally
        {
            Context.LogCreated = publisher;
        }
    }

    /// <summary>Runs <paramref name="action"/> under the state lock, then delivers the webhooks it caused when delivery is immediate.</summary>
    /// <remarks>
    /// Only the deliveries this call queued are sent (taken while the lock is still held), so concurrent calls do not
    /// wait for each other and a webhook receiver may call the emulator back.
    /// </remarks>
    public async Task<T> MutateAsync<T>(Func<EmulatorContext, T> action, CancellationToken cancellationToken = default)
    {
        T result;
        List<PendingDelivery>? batch = null;
        lock (Store.SyncRoot)
        {
            result = action(Context);
            if (Options.WebhookDelivery == WebhookDeliveryMode.Immediate)
                batch = Dispatcher.Drain();
        }
        if (batch is { Count: > 0 })
            await Dispatcher.SendAsync(batch, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Runs an admin action of the behaviours (or the generic <c>status</c> action) on an entity or a collection.</summary>
    public JToken Admin(string collection, string? id, string action, JObject body)
    {
        var context = Context;
        JObject? entity = null;
        if (id != null)
        {
            var record = context.FindRecord(collection, id)
                ?? context.FindRecord(collection, id, "uuid")
                ?? throw EmulatorContext.NotFound(collection, "id", id);
            entity = record.Entity;
        }
        foreach (var behaviour in context.For(collection))
        {
            if (behaviour.Admin(context, collection, entity, action, body) is { } result)
                return result.DeepClone();
        }
        if (entity != null && action == "status")
        {
            var status = (string?)body["status"] ?? throw new ApiException("invalidStatus", "status: is required");
            var statuses = Catalog.Get(collection).Statuses;
            if (statuses.Count > 0 && !statuses.Contains(status))
                throw new ApiException("invalidStatus", $"status: must be one of {string.Join(", ", statuses)}; got \"{status}\"");
            var errors = (body["errors"] as JArray)?.Select(e => e is JObject o
                ? new ApiError((string?)o["code"] ?? "emulated", (string?)o["message"] ?? "")
                : new ApiError("emulated", e.ToString())).ToList();
            context.ChangeStatus(collection, entity, status, (string?)body["logType"], errors);
            return entity.DeepClone();
        }
        throw new ApiException("invalidAction", $"'{action}' is not an emulator action for {Naming.Words(collection)}", 404);
    }

    public void Dispose() => Dispatcher.Dispose();
}
