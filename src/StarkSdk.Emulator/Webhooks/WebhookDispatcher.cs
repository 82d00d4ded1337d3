using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using StarkSdk.Emulator.Engine;

namespace StarkSdk.Emulator.Webhooks;

/// <summary>
/// Sends webhook deliveries, one at a time in the order the events happened: each API or admin call sends the batch
/// its own changes queued before it returns (immediate mode), or a flush sends everything queued (manual mode). A 2xx marks the event delivered;
/// anything else is recorded as an event attempt (<c>event/attempt</c>) with code <c>invalidHttpStatus</c> (a non-2xx
/// answer), <c>connectionFailed</c> (no answer) or <c>forbiddenHost</c> (a non-loopback URL while external webhooks
/// are off). There are no automatic retries and no timers: nothing happens between calls.
/// </summary>
internal sealed class WebhookDispatcher : IDisposable
{
    public const string AttemptCollection = "event/attempt";

    private readonly ConcurrentQueue<PendingDelivery> _queue = new();
    private readonly HttpClient _http;
    private readonly EmulatorOptions _options;
    private readonly List<WebhookDelivery> _history = new();
    private EmulatorContext? _context;

    public WebhookDispatcher(EmulatorOptions options)
    {
        _options = options;
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { Timeout = options.WebhookTimeout };
    }

    /// <summary>Connects the dispatcher to the state it records results in.</summary>
    public void Attach(EmulatorContext context) => _context = context;

    /// <summary>Deliveries not sent yet.</summary>
    public int Pending => _queue.Count;

    /// <summary>Every delivery sent so far, oldest first.</summary>
    public IReadOnlyList<WebhookDelivery> History
    {
        get
        {
            lock (_history)
                return _history.ToArray();
        }
    }

    /// <summary>Queues a delivery (called under the state lock).</summary>
    public void Enqueue(PendingDelivery delivery) => _queue.Enqueue(delivery);

    /// <summary>Takes every queued delivery, in order.</summary>
    public List<PendingDelivery> Drain()
    {
        var batch = new List<PendingDelivery>();
        while (_queue.TryDequeue(out var delivery))
            batch.Add(delivery);
        return batch;
    }

    /// <summary>Forgets queued deliveries and history.</summary>
    public void Clear()
    {
        Drain();
        lock (_history)
            _history.Clear();
    }

    /// <summary>Sends every queued delivery; returns how many were sent.</summary>
    public Task<int> FlushAsync(CancellationToken cancellationToken = default) => SendAsync(Drain(), cancellationToken);

    /// <summary>
    /// Sends a batch one delivery at a time, in order. No lock is held meanwhile, so a receiver may call the emulator
    /// back (to fetch the public key, or to make more calls) without deadlocking.
    /// </summary>
    public async Task<int> SendAsync(IReadOnlyList<PendingDelivery> batch, CancellationToken cancellationToken = default)
    {
        foreach (var delivery in batch)
            await SendAsync(delivery, cancellationToken).ConfigureAwait(false);
        return batch.Count;
    }

    private async Task SendAsync(PendingDelivery delivery, CancellationToken cancellationToken)
    {
        var status = 0;
        string? code = null;
        string? error = null;
        if (!Uri.TryCreate(delivery.Url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
        {
            code = "invalidUrl";
            error = $"The webhook URL '{delivery.Url}' is not an http(s) URL.";
        }
        else if (!_options.AllowExternalWebhooks && !IsLoopback(uri))
        {
            code = "forbiddenHost";
            error = $"The emulator only delivers webhooks to loopback hosts; '{uri.Host}' is not one (see AllowExternalWebhooks).";
        }
        else
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, uri)
                {
                    Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
                };
                request.Headers.TryAddWithoutValidation("Digital-Signature", delivery.Signature);
                using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                status = (int)response.StatusCode;
                if (status < 200 || status > 299)
                {
                    code = "invalidHttpStatus";
                    error = $"The webhook URL answered HTTP {status}; a 2xx status is expected.";
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                code = "connectionFailed";
                error = $"The webhook URL could not be reached: {e.Message}";
            }
        }

        var context = _context;
        DateTimeOffset sent = DateTimeOffset.UtcNow;
        if (context != null)
        {
            lock (context.Store.SyncRoot)
            {
                sent = context.Now;
                Record(context, delivery, code, error);
            }
        }
        lock (_history)
            _history.Add(new WebhookDelivery(delivery.EventId, delivery.WebhookId, delivery.Url, delivery.Body, delivery.Signature, status, error, sent));
    }

    private static void Record(EmulatorContext context, PendingDelivery delivery, string? code, string? error)
    {
        var evt = context.Find(EventPublisher.EventCollection, delivery.EventId);
        if (code == null)
        {
            if (evt != null)
                evt["isDelivered"] = true;
            return;
        }
        context.Insert(AttemptCollection, new JObject
        {
            ["code"] = code,
            ["message"] = error,
            ["eventId"] = delivery.EventId,
            ["webhookId"] = delivery.WebhookId,
        });
    }

    private static bool IsLoopback(Uri uri)
    {
        if (uri.IsLoopback)
            return true;
        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }

    public void Dispose()
    {
        _http.Dispose();
    }
}
