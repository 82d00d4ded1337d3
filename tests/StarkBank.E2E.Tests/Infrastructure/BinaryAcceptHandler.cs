using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;

namespace StarkBank.E2E.Tests.Infrastructure;

/// <summary>
/// Works around a gap of StarkCore for the Prism mock check only: the pipeline sends <c>Accept: application/json</c> on
/// every request, also on PDF and PNG downloads, and Prism's mock (strict content negotiation) answers those 406. The
/// real API and the emulator ignore Accept. This handler asks for the operation's own content type instead; remove it
/// when StarkCore sends a suitable Accept for binary responses (<c>PrismContractTests.Binary_downloads_accept_their_content_type</c>).
/// </summary>
internal sealed class BinaryAcceptHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = SpecOperations.Match(request.Method.Method, request.RequestUri!.AbsolutePath);
        if (operation is { IsBinary: true })
        {
            request.Headers.Accept.Clear();
            foreach (var type in operation.SuccessContentTypes)
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        }
        return base.SendAsync(request, cancellationToken);
    }
}
