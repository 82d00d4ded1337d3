using System.Net.Http;
using System.Net.Http.Headers;

namespace StarkSdk.Core;

/// <summary>
/// The body as the pipeline serialized it: the signing handler signs <see cref="Bytes"/> as they are and sends them as they
/// are, instead of reading the content into a copy and freezing it into another one.
/// </summary>
internal sealed class SignedBodyContent : ByteArrayContent
{
    internal SignedBodyContent(byte[] bytes)
        : base(bytes)
    {
        Bytes = bytes;
        Headers.ContentType = new MediaTypeHeaderValue("application/json");
    }

    /// <summary>The exact bytes sent; never changed after construction.</summary>
    internal byte[] Bytes { get; }
}
