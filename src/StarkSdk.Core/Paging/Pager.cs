using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;

namespace StarkSdk.Core;

/// <summary>
/// Follows cursors page by page; one page in memory, never more than the limit, never the same cursor twice in a row. A page is
/// one call of the pipeline, retried there with the same cursor, so a fault never re-yields nor skips an item; a page that
/// still fails raises its error with <see cref="StarkException.ResumeCursor"/> set to that page's cursor.
/// </summary>
internal static class Pager
{
    internal const int MaxPageSize = 100;

    internal static async IAsyncEnumerable<T> QueryAsync<T>(
        StarkPipeline pipeline,
        ApiRequest request,
        string itemsKey,
        int? limit,
        RequestOptions? options,
        CancellationToken cancellationToken,
        [EnumeratorCancellation] CancellationToken enumeratorCancellation = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, enumeratorCancellation);
        var token = linked.Token;
        var remaining = limit;
        var cursor = request.Query.Get("cursor");
        while (remaining is null || remaining > 0)
        {
            token.ThrowIfCancellationRequested();
            var pageSize = remaining is null ? MaxPageSize : Math.Min(MaxPageSize, remaining.Value);
            Page<T> page;
            try
            {
                page = await pipeline.PageAsync<T>(request.ForPage(pageSize, cursor), itemsKey, options, token).ConfigureAwait(false);
            }
            catch (StarkException error)
            {
                error.ResumeCursor = cursor;
                throw;
            }

            foreach (var item in page.Items)
            {
                if (remaining <= 0)
                {
                    yield break;
                }

                token.ThrowIfCancellationRequested();
                yield return item;
                remaining--;
            }

            if (page.Cursor is null)
            {
                yield break;
            }

            if (page.Cursor == cursor)
            {
                // A server answering with the cursor it was given would loop forever, re-yielding the same page.
                throw new UnknownError($"{request.Method.Method} /{pipeline.Api.Version}/{request.Path} → the API returned the same cursor twice; stopping to avoid an endless listing", 200, request.Method.Method, "/" + pipeline.Api.Version + "/" + request.Path, null);
            }

            cursor = page.Cursor;
        }
    }
}
