using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace StarkSdk.E2E.Tests.Infrastructure;

/// <summary>One HTTP attempt the SDK made (retries are separate attempts), as seen on the wire.</summary>
internal sealed record RecordedCall(string Method, string Path, string Query, string? OperationId, int? StatusCode, string? Violations, string? Failure)
{
    public bool Succeeded => StatusCode is >= 200 and <= 299;

    public override string ToString() =>
        $"{Method} {Path}{Query} [{OperationId ?? "no spec operation"}] → {(StatusCode?.ToString() ?? Failure ?? "?")}{(Violations is null ? "" : " sl-violations: " + Violations)}";
}

/// <summary>Every attempt the SDK client of a test made, matched to the spec's operations.</summary>
internal sealed class CallRecorder
{
    private readonly ConcurrentQueue<RecordedCall> _calls = new();

    public IReadOnlyList<RecordedCall> Calls => _calls.ToList();

    public void Add(RecordedCall call) => _calls.Enqueue(call);

    /// <summary>The operations that were sent and answered 2xx.</summary>
    public ISet<string> SucceededOperations => Calls.Where(c => c.Succeeded && c.OperationId != null).Select(c => c.OperationId!).ToHashSet(StringComparer.Ordinal);

    public int Count(string method, string operationId) => Calls.Count(c => c.Method == method && c.OperationId == operationId);

    public string Describe() => string.Join(Environment.NewLine, Calls.Select(c => "  " + c));
}

/// <summary>
/// The innermost handler of the tests' SDK client (retry → signing → this → sockets): records each attempt with the
/// operation it matches in the spec, its status, and the <c>sl-violations</c> header Prism adds when a request or
/// response breaks the spec.
/// </summary>
internal sealed class RecordingHandler : DelegatingHandler
{
    private readonly CallRecorder _recorder;

    public RecordingHandler(CallRecorder recorder, HttpMessageHandler inner)
        : base(inner) => _recorder = recorder;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var method = request.Method.Method;
        var operation = OpenApiOperations.StarkBank.Match(method, uri.AbsolutePath)?.OperationId;
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            var violations = response.Headers.TryGetValues("sl-violations", out var values) ? string.Join(" ", values) : null;
            _recorder.Add(new RecordedCall(method, uri.AbsolutePath, uri.Query, operation, (int)response.StatusCode, violations, null));
            return response;
        }
        catch (Exception e)
        {
            _recorder.Add(new RecordedCall(method, uri.AbsolutePath, uri.Query, operation, null, null, e.GetType().Name + ": " + e.Message));
            throw;
        }
    }
}
