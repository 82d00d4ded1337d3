namespace StarkSdk.Core;

/// <summary>
/// An organization user: credentials bound to a company that owns several workspaces.
/// Access-Id <c>organization/{id}</c>, or <c>organization/{id}/workspace/{workspaceId}</c> when bound to a workspace.
/// </summary>
public sealed class Organization : User
{
    /// <summary>Creates an organization user from a PEM private key.</summary>
    /// <param name="environment">Sandbox or production.</param>
    /// <param name="id">The organization id.</param>
    /// <param name="privateKeyPem">The organization's secp256k1 private key in PEM.</param>
    /// <param name="workspaceId">The workspace to act on, or null for organization-level calls.</param>
    /// <exception cref="InvalidKeyException">The key is malformed or not secp256k1.</exception>
    public Organization(StarkEnvironment environment, string id, string privateKeyPem, string? workspaceId = null)
        : this(environment, id, ParseKey(privateKeyPem), workspaceId)
    {
    }

    /// <summary>Creates an organization user from a parsed private key.</summary>
    /// <param name="environment">Sandbox or production.</param>
    /// <param name="id">The organization id.</param>
    /// <param name="privateKey">The organization's private key.</param>
    /// <param name="workspaceId">The workspace to act on, or null for organization-level calls.</param>
    public Organization(StarkEnvironment environment, string id, PrivateKey privateKey, string? workspaceId = null)
        : base(environment, id, privateKey)
    {
        WorkspaceId = workspaceId is null ? null : ValidateId(workspaceId, nameof(workspaceId));
    }

    /// <summary>The workspace this user acts on, or null.</summary>
    public string? WorkspaceId { get; }

    /// <inheritdoc />
    public override string AccessId => WorkspaceId is null ? "organization/" + Id : "organization/" + Id + "/workspace/" + WorkspaceId;

    /// <summary>
    /// The same organization bound to another workspace, for a call or a series of calls
    /// (pass it as <see cref="RequestOptions.User"/>). This instance is not changed.
    /// </summary>
    /// <param name="workspaceId">The workspace id.</param>
    /// <returns>A new user sharing this key.</returns>
    public Organization ForWorkspace(string workspaceId) => new Organization(Environment, Id, PrivateKey, workspaceId);
}
