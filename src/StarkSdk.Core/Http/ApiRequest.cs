using System;
using System.Net.Http;

namespace StarkSdk.Core;

/// <summary>One API call as the generated clients describe it: method, path under the version root, query and body.</summary>
public sealed class ApiRequest
{
    /// <summary>Creates the request.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path relative to the version root, e.g. <c>invoice</c> or <c>invoice/{id}/pdf</c> with ids already escaped by <see cref="Escape"/>.</param>
    /// <exception cref="ArgumentException">The path is absolute, has a query or fragment, or has empty, <c>.</c> or <c>..</c> segments.</exception>
    public ApiRequest(HttpMethod method, string path)
    {
        Method = method ?? throw new ArgumentNullException(nameof(method));
        Path = ValidatePath(path);
        Query = new QueryBuilder();
    }

    private ApiRequest(HttpMethod method, string path, QueryBuilder query, object? body)
    {
        Method = method;
        Path = path;
        Query = query;
        Body = body;
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The path relative to the version root.</summary>
    public string Path { get; }

    /// <summary>The query string parameters.</summary>
    public QueryBuilder Query { get; }

    /// <summary>The body, serialized with <see cref="StarkJson"/>; null sends no body.</summary>
    public object? Body { get; set; }

    /// <summary>
    /// Escapes one path segment (an id) with <see cref="Uri.EscapeDataString(string)"/>. Empty, <c>.</c> and <c>..</c> are rejected,
    /// because they would silently address another resource (<c>invoice/</c> is the list, <c>invoice/..</c> the root).
    /// </summary>
    /// <param name="pathSegment">The raw segment.</param>
    /// <returns>The escaped segment.</returns>
    public static string Escape(string pathSegment)
    {
        if (pathSegment is null)
        {
            throw new ArgumentNullException(nameof(pathSegment));
        }

        if (pathSegment.Length == 0 || pathSegment == "." || pathSegment == "..")
        {
            throw new ArgumentException("An id must not be empty, '.' or '..'.", nameof(pathSegment));
        }

        return Uri.EscapeDataString(pathSegment);
    }

    /// <summary>A copy for one page of a query: same method, path and body, with <c>limit</c> and <c>cursor</c> replaced.</summary>
    internal ApiRequest ForPage(int limit, string? cursor)
    {
        var query = Query.Clone();
        query.Remove("limit");
        query.Remove("cursor");
        query.Add("limit", (long?)limit);
        query.Add("cursor", cursor);
        return new ApiRequest(Method, Path, query, Body);
    }

    private static string ValidatePath(string path)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        if (path.Length == 0)
        {
            throw new ArgumentException("The path must not be empty.", nameof(path));
        }

        if (path.IndexOf('?') >= 0 || path.IndexOf('#') >= 0 || path.IndexOf('\\') >= 0 || path.IndexOf("://", StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException("The path must be relative to the version root, without query or fragment (use Query).", nameof(path));
        }

        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment == "." || segment == "..")
            {
                throw new ArgumentException("The path must not start or end with '/' nor contain empty, '.' or '..' segments.", nameof(path));
            }

            foreach (var c in segment)
            {
                if (c <= ' ' || c >= 127)
                {
                    throw new ArgumentException("The path must be escaped (see ApiRequest.Escape).", nameof(path));
                }
            }
        }

        return path;
    }
}
