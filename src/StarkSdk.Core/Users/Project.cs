namespace StarkSdk.Core;

/// <summary>A project user: credentials bound to one workspace. Access-Id <c>project/{id}</c>.</summary>
public sealed class Project : User
{
    /// <summary>Creates a project user from a PEM private key.</summary>
    /// <param name="environment">Sandbox or production.</param>
    /// <param name="id">The project id.</param>
    /// <param name="privateKeyPem">The project's secp256k1 private key in PEM.</param>
    /// <exception cref="InvalidKeyException">The key is malformed or not secp256k1.</exception>
    public Project(StarkEnvironment environment, string id, string privateKeyPem)
        : base(environment, id, ParseKey(privateKeyPem))
    {
    }

    /// <summary>Creates a project user from a parsed private key.</summary>
    /// <param name="environment">Sandbox or production.</param>
    /// <param name="id">The project id.</param>
    /// <param name="privateKey">The project's private key.</param>
    public Project(StarkEnvironment environment, string id, PrivateKey privateKey)
        : base(environment, id, privateKey)
    {
    }

    /// <inheritdoc />
    public override string AccessId => "project/" + Id;
}
