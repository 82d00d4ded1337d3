namespace StarkSdk.Core;

/// <summary>A new private/public key pair in PEM, as <see cref="Key.Create()"/> returns it. <see cref="ToString"/> omits the private key.</summary>
public sealed class KeyPair
{
    /// <summary>Creates a pair from PEM strings.</summary>
    /// <param name="privatePem">The private key PEM (secret).</param>
    /// <param name="publicPem">The public key PEM, to register with Stark.</param>
    public KeyPair(string privatePem, string publicPem)
    {
        PrivatePem = privatePem;
        PublicPem = publicPem;
    }

    /// <summary>The private key, SEC1 PEM (<c>EC PRIVATE KEY</c>). Keep it secret.</summary>
    public string PrivatePem { get; }

    /// <summary>The public key, PEM (<c>PUBLIC KEY</c>), to upload to the Stark web banking.</summary>
    public string PublicPem { get; }

    /// <summary>Describes the pair without the private key.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() => "KeyPair(" + Secp256k1.Name + ")";
}
