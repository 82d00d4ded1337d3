using System;
using System.Diagnostics;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;

namespace StarkSdk.Core;

/// <summary>
/// Inside retry, once per attempt: builds the attempt's HttpRequestMessage from the call's bytes and signs it with a fresh
/// Access-Time. The transport sends only a <see cref="SignedRequest"/>, which only this policy creates, so nothing unsigned can
/// leave — there is no after-the-fact check to forget.
/// </summary>
internal sealed class SigningPolicy : PipelinePolicy
{
    private static readonly MediaTypeWithQualityHeaderValue Json = new MediaTypeWithQualityHeaderValue("application/json");
    private static readonly MediaTypeWithQualityHeaderValue Any = new MediaTypeWithQualityHeaderValue("*/*");

    private readonly ApiDescriptor _api;
    private readonly StarkTelemetry _telemetry;

    internal SigningPolicy(ApiDescriptor api, StarkTelemetry telemetry)
    {
        _api = api;
        _telemetry = telemetry;
    }

    internal override Task ProcessAsync(StarkMessage message, PolicyChain next)
    {
        message.Signed = Sign(message);
        return next.ProcessNextAsync(message);
    }

    private SignedRequest Sign(StarkMessage message)
    {
        var request = new HttpRequestMessage(message.Request.Method, message.Uri);
        try
        {
            var body = message.Body ?? Array.Empty<byte>();
            if (message.Body != null)
            {
                request.Content = new SignedBodyContent(message.Body);
            }

            // A PDF, PNG or CSV download must not ask for JSON only: a strict server (Prism) answers 406. Errors still come as JSON.
            request.Headers.Accept.Add(message.Kind == ResponseKind.Json ? Json : Any);
            var started = Stopwatch.GetTimestamp();
            var access = RequestSigner.Sign(message.User, message.TimeProvider.GetUtcNow().ToUnixTimeSeconds(), body);
            _telemetry.Signed(message, Stopwatch.GetTimestamp() - started);
            SignatureHeaders.Apply(request.Headers, message.User.AccessId, access.AccessTime, access.Signature, UserAgent.For(_api), message.Language);
            return new SignedRequest(request);
        }
        catch
        {
            request.Dispose();
            throw;
        }
    }

    /// <summary>An attempt's request after signing; the only thing <see cref="TransportPolicy"/> sends.</summary>
    internal sealed class SignedRequest : IDisposable
    {
        // Created only by SigningPolicy.Sign above: keep it that way, it is what makes "signed before sent" structural.
        internal SignedRequest(HttpRequestMessage message) => Message = message;

        internal HttpRequestMessage Message { get; }

        public void Dispose() => Message.Dispose();
    }
}
