namespace StarkSdk.Generator.Modeling
{
    /// <summary>
    /// What the callback registry needs of a signed callback beyond the client model: the HTTP method, the deadline the
    /// spec documents ("within 1 second") and the documented safe answer (the 200 response's <c>denied</c> example).
    /// </summary>
    /// <param name="OperationId">The callback's operationId.</param>
    /// <param name="HttpMethod">POST or GET.</param>
    /// <param name="DeadlineMilliseconds">The documented time to answer, or null when the spec states none.</param>
    /// <param name="SafeDefaultJson">The documented denial as compact JSON (its example tags dropped), or null.</param>
    internal sealed record CallbackFact(string OperationId, string HttpMethod, int? DeadlineMilliseconds, string? SafeDefaultJson);

    /// <summary>The callback facts of one spec file.</summary>
    internal sealed record SpecCallbackFacts(string Path, EquatableArray<CallbackFact> Facts);
}
