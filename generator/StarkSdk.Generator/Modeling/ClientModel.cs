namespace StarkSdk.Generator.Modeling
{
    /// <summary>A resource client (<c>InvoicesClient</c>) with its operations and sub-clients.</summary>
    /// <param name="Path">The x-stark-client path, e.g. <c>Invoices.Logs</c>.</param>
    /// <param name="Callbacks">The signed callbacks (x-stark-callback) the client verifies and parses.</param>
    internal sealed record ClientModel(
        string Namespace,
        string Name,
        string Path,
        string RootClientName,
        string? Description,
        EquatableArray<SubClientModel> SubClients,
        EquatableArray<OperationModel> Operations,
        EquatableArray<CallbackModel> Callbacks) : GeneratedUnit(Namespace, Name);

    /// <summary>The root client's generated part: one property per top-level client.</summary>
    internal sealed record RootClientModel(
        string Namespace,
        string Name,
        string? Title,
        EquatableArray<SubClientModel> Clients) : GeneratedUnit(Namespace, Name);

    /// <summary>A lazily created child client exposed as a property.</summary>
    internal sealed record SubClientModel(string PropertyName, string TypeName, string Path, string? Description);
}
