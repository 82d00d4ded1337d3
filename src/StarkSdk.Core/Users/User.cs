using System;

namespace StarkSdk.Core;

/// <summary>
/// Credentials that sign requests: a <see cref="Project"/> or an <see cref="Organization"/>.
/// <see cref="ToString"/> never reveals the private key.
/// </summary>
public abstract class User
{
    private protected User(StarkEnvironment environment, string id, PrivateKey privateKey)
    {
        if (environment != StarkEnvironment.Sandbox && environment != StarkEnvironment.Production)
        {
            throw new ArgumentOutOfRangeException(nameof(environment), environment, "Unknown Stark environment.");
        }

        Environment = environment;
        Id = ValidateId(id, nameof(id));
        PrivateKey = privateKey ?? throw new ArgumentNullException(nameof(privateKey));
    }

    /// <summary>The environment the credentials belong to; it picks the API base URL.</summary>
    public StarkEnvironment Environment { get; }

    /// <summary>The project or organization id.</summary>
    public string Id { get; }

    /// <summary>The value of the Access-Id header, e.g. <c>project/5656565656565656</c>.</summary>
    public abstract string AccessId { get; }

    /// <summary>The key that signs this user's requests.</summary>
    public PrivateKey PrivateKey { get; }

    // Written and read only by RequestSigner (a field, so that it can use Volatile on it).
    internal RequestSigner.EmptyBodyMemo? EmptyBodySignature;

    /// <summary>Describes the user without key material.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() => $"{GetType().Name}(environment: {Environment}, accessId: {AccessId})";

    // Ids end up in the Access-Id header and in the signed message, where '/', ':' or line breaks would change their meaning.
    internal static string ValidateId(string? id, string paramName)
    {
        if (id is null)
        {
            throw new ArgumentNullException(paramName);
        }

        if (id.Length == 0)
        {
            throw new ArgumentException("The id must not be empty.", paramName);
        }

        foreach (var c in id)
        {
            var ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_' || c == '.';
            if (!ok)
            {
                throw new ArgumentException("The id may contain only letters, digits, '-', '_' and '.'.", paramName);
            }
        }

        return id;
    }

    internal static PrivateKey ParseKey(string privateKeyPem) => PrivateKey.FromPem(privateKeyPem ?? throw new ArgumentNullException(nameof(privateKeyPem)));
}
