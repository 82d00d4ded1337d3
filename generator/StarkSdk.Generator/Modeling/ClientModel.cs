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

    /// <summary>The root client's generated part: one property per top-level client (and with <paramref name="Api"/>, all of it).</summary>
    /// <param name="Api">From the spec's <c>x-stark-api</c> and <c>servers:</c>; null when the constructors are hand-written.</param>
    internal sealed record RootClientModel(
        string Namespace,
        string Name,
        string? Title,
        EquatableArray<SubClientModel> Clients,
        RootApiModel? Api = null) : GeneratedUnit(Namespace, Name);

    /// <summary>The API a generated root client talks to.</summary>
    /// <param name="Name">x-stark-api: the API's name in the SDK (<c>StarkBank</c>), as <c>ApiDescriptor.Name</c>.</param>
    /// <param name="Title">info.title, for the docs.</param>
    /// <param name="SandboxUrl">The server marked <c>x-stark-environment: sandbox</c>.</param>
    /// <param name="ProductionUrl">The server marked <c>x-stark-environment: production</c>.</param>
    internal sealed record RootApiModel(string Name, string Title, string SandboxUrl, string ProductionUrl);

    /// <summary>A lazily created child client exposed as a property.</summary>
    internal sealed record SubClientModel(string PropertyName, string TypeName, string Path, string? Description);
}
