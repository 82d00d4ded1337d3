using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace StarkSdk.Core;

/// <summary>
/// A response body read whole into an array rented from <see cref="ArrayPool{T}.Shared"/>: a page of 100 items is ~100 KB,
/// which as a fresh array per page would land on the large object heap and cost a gen-2 collection every few pages.
/// Dispose returns the array; the bytes must not be used after that.
/// </summary>
internal sealed class PooledBody : IDisposable
{
    private const int DefaultSize = 16 * 1024;
    private const int MaxInitialSize = 16 * 1024 * 1024;

    private byte[]? _buffer;

    private PooledBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    internal byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(PooledBody));

    internal int Length { get; }

    internal static async Task<PooledBody> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // One byte more than announced, so that the read that finds the end needs no bigger array.
        var announced = response.Content.Headers.ContentLength;
        var size = announced > 0 && announced < MaxInitialSize ? (int)announced.Value + 1 : DefaultSize;
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        var length = 0;
        try
        {
#if NET5_0_OR_GREATER
            using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            cancellationToken.ThrowIfCancellationRequested();
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            while (true)
            {
                if (length == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(checked(buffer.Length * 2));
                    System.Buffer.BlockCopy(buffer, 0, bigger, 0, length);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        return new PooledBody(buffer, length);
    }

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer != null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
