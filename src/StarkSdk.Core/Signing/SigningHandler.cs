using System;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace StarkSdk.Core;

/// <summary>
/// Signs every request (every attempt, with a fresh Access-Time) for the user the pipeline attached to it, and sets
/// Access-Id, Access-Time, Access-Signature, User-Agent, Content-Type and Accept-Language. Sits inside the retry handler.
/// Stateless: one instance serves any number of users and clients concurrently.
/// </summary>
public sealed class SigningHandler : DelegatingHandler
{
    /// <summary>Creates the handler; the inner handler is set by the pipeline or by IHttpClientFactory.</summary>
    public SigningHandler()
    {
    }

    /// <summary>Creates the handler around an inner handler.</summary>
    /// <param name="innerHandler">The next handler, usually the transport.</param>
    public SigningHandler(HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
    }

    /// <summary>The clock for Access-Time; tests replace it.</summary>
    internal static Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var user = RequestProperties.GetUser(request)
            ?? throw new InvalidOperationException("The request carries no Stark user; send it through StarkPipeline, which attaches one.");

        var body = Array.Empty<byte>();
        if (request.Content is SignedBodyContent signed)
        {
            // The pipeline's own body: its bytes are what is sent, no copy to sign or to freeze.
            body = signed.Bytes;
        }
        else if (request.Content != null)
        {
            body = await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            request.Content = Freeze(request.Content, body);
        }

        var accessTime = Clock().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = RequestSigner.Sign(user, accessTime, body);

        var headers = request.Headers;
        Replace(headers, "Access-Id", user.AccessId);
        Replace(headers, "Access-Time", accessTime);
        Replace(headers, "Access-Signature", signature);
        Replace(headers, "User-Agent", UserAgent.For(RequestProperties.GetApi(request)));
        var language = RequestProperties.GetLanguage(request);
        if (language != null)
        {
            Replace(headers, "Accept-Language", language);
        }

        RequestProperties.MarkSigned(request);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    // The signed bytes become the content itself, so a content that would serialize differently on a second read can't diverge from the signature.
    private static HttpContent Freeze(HttpContent original, byte[] body)
    {
        var frozen = new ByteArrayContent(body);
        foreach (var header in original.Headers)
        {
            if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                frozen.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        if (frozen.Headers.ContentType is null)
        {
            frozen.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        original.Dispose();

        return frozen;
    }

    private static void Replace(HttpRequestHeaders headers, string name, string value)
    {
        headers.Remove(name);
        headers.TryAddWithoutValidation(name, value);
    }
}
