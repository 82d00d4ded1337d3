namespace StarkSdk.Core;

/// <summary>Which secp256k1 implementation signs and verifies in this process; see <see cref="Secp256k1Provider.Current"/>.</summary>
public enum Secp256k1Implementation
{
    /// <summary>bitcoin-core's libsecp256k1, through the Secp256k1.Net package (native binaries for Windows, Linux, Linux musl and macOS).</summary>
    Native,

    /// <summary>NBitcoin.Secp256k1, a managed C# port of libsecp256k1: the fallback where the native library cannot load.</summary>
    Managed,
}
