using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using StarkSdk.Emulator.Engine;
using StarkSdk.Core;

namespace StarkSdk.Emulator.Webhooks;

/// <summary>
/// Turns every log into an event (<c>event</c> collection) when the spec's Event schema knows the log's subscription,
/// and queues one signed delivery per webhook subscribed to it. Runs under the state lock; delivery happens later,
/// in <see cref="WebhookDispatcher"/>.
/// </summary>
internal sealed class EventPublisher
{
    public const string EventCollection = "event";
    public const string WebhookCollection = "webhook";

    private readonly EmulatorContext _context;
    private readonly PrivateKey _signingKey;
    private readonly WebhookDispatcher _dispatcher;
    private readonly HashSet<string> _subscriptions;

    public EventPublisher(EmulatorContext context, PrivateKey signingKey, WebhookDispatcher dispatcher)
    {
        _context = context;
        _signingKey = signingKey;
        _dispatcher = dispatcher;
        _subscriptions = KnownSubscriptions(context);
    }

    /// <summary>The subscriptions events can have: the keys of the Event schema's discriminator mapping, else the EventSubscription enum.</summary>
    private static HashSet<string> KnownSubscriptions(EmulatorContext context)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (context.Spec.Schema("Event")?["discriminator"]?["mapping"] is JObject mapping)
            set.UnionWith(mapping.Properties().Select(p => p.Name));
        if (context.Spec.Schema("EventSubscription")?["enum"] is JArray values)
            set.UnionWith(values.Select(v => v.ToString()));
        return set;
    }

    /// <summary>Called for each log written.</summary>
    public void OnLog(CollectionInfo collection, JObject log)
    {
        var subscription = collection.Name;
        if (!_subscriptions.Contains(subscription))
            return;
        var evt = new JObject
        {
            ["id"] = _context.NewId(),
            ["created"] = _context.NowIso(),
            ["isDelivered"] = false,
            ["subscription"] = subscription,
            ["workspaceId"] = _context.WorkspaceId,
            ["log"] = log.DeepClone(),
        };
        var stored = _context.Insert(EventCollection, evt);
        var eventId = (string)stored["id"]!;

        var delivered = (JObject)stored.DeepClone();
        delivered.Remove("isDelivered"); // the docs: absent from the bodies posted to webhooks
        var body = new JObject { ["event"] = delivered }.ToString(Formatting.None);
        var signature = _signingKey.Sign(body);
        foreach (var webhook in _context.All(WebhookCollection))
        {
            var subscriptions = webhook["subscriptions"] as JArray;
            if (subscriptions == null || subscriptions.All(s => (string?)s != subscription))
                continue;
            _dispatcher.Enqueue(new PendingDelivery(eventId, (string?)webhook["id"] ?? "", (string?)webhook["url"] ?? "", body, signature));
        }
    }
}

/// <summary>A delivery waiting to be sent.</summary>
internal sealed record PendingDelivery(string EventId, string WebhookId, string Url, string Body, string Signature);
