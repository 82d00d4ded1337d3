using System;
using System.Globalization;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using NBitcoin.Secp256k1;
using StarkSdk.Core;
using StarkEcdsa = EllipticCurve;

namespace StarkSdk.Benchmarks;

/// <summary>
/// Signing alone: the Access-Signature of a request with a 1 KB body (ECDSA secp256k1 over SHA-256, RFC 6979 nonce,
/// low-S, DER, base64), the key loaded once. The message is what the signing handler signs: <c>accessId:accessTime:body</c>.
/// Side by side: the SDK (native libsecp256k1, the process default), the SDK with the managed fallback, the two libraries
/// called directly doing the same work (hash, sign, DER, base64), and Stark's official starkbank-ecdsa 1.3.3 as baseline.
/// </summary>
[MemoryDiagnoser]
[StarkJob]
public class SigningBenchmarks
{
    private PrivateKey _key = null!;
    private PrivateKey _managedKey = null!;
    private byte[] _message = null!;
    private string _messageText = null!;
    private Secp256k1Net.Secp256k1 _native = null!;
    private byte[] _secret = null!;
    private ECPrivKey _nbitcoinKey = null!;
    private StarkEcdsa.PrivateKey _official = null!;

    [GlobalSetup]
    public void Setup()
    {
        var pem = Key.Create().PrivatePem;
        _key = PrivateKey.FromPem(pem);
        if (Secp256k1Provider.Current != Secp256k1Implementation.Native)
        {
            throw new InvalidOperationException("The SDK does not run on native libsecp256k1 here: " + Secp256k1Provider.Description);
        }

        _secret = SecretOf(pem);
        _managedKey = new PrivateKey(_secret, new ManagedSecp256k1());
        _native = new Secp256k1Net.Secp256k1();
        _nbitcoinKey = ECPrivKey.Create(_secret);
        _official = StarkEcdsa.PrivateKey.fromPem(pem);

        var body = new byte[1024];
        var json = Encoding.UTF8.GetBytes("{\"invoices\": [" + Fixtures.InvoiceJson() + "]}");
        for (var i = 0; i < body.Length; i++)
        {
            body[i] = json[i % json.Length];
        }

        var prefix = Encoding.UTF8.GetBytes("project/5656565656565656:" + DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + ":");
        _message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(_message, 0);
        body.CopyTo(_message, prefix.Length);
        _messageText = Encoding.UTF8.GetString(_message);

        // Same bytes from the SDK (both implementations) and from both libraries called directly; the official one verifies.
        var expected = Sign();
        if (!_key.PublicKey.Verify(_message, expected)
            || SignManaged() != expected || RawSecp256k1Net() != expected || RawNBitcoin() != expected
            || !_key.PublicKey.Verify(_message, Official()))
        {
            throw new InvalidOperationException("The signers disagree.");
        }
    }

    [Benchmark(Baseline = true, Description = "starkbank-ecdsa 1.3.3 (official)")]
    public string Official() => EllipticCurve.Ecdsa.sign(_messageText, _official).toBase64();

    [Benchmark(Description = "Sign 1 KB body (SDK, native)")]
    public string Sign() => _key.Sign(_message);

    [Benchmark(Description = "SDK, managed fallback forced")]
    public string SignManaged() => _managedKey.Sign(_message);

    [Benchmark(Description = "Secp256k1.Net direct")]
    public string RawSecp256k1Net()
    {
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(_message, hash);
        Span<byte> signature = stackalloc byte[64];
        _native.EcdsaSign(signature, hash, _secret);
        Span<byte> der = stackalloc byte[72];
        nuint length = 72;
        _native.EcdsaSignatureSerializeDer(der, ref length, signature);
        return Convert.ToBase64String(der.Slice(0, (int)length));
    }

    [Benchmark(Description = "NBitcoin.Secp256k1 direct")]
    public string RawNBitcoin()
    {
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(_message, hash);
        Span<byte> der = stackalloc byte[72];
        _nbitcoinKey.SignECDSARFC6979(hash).WriteDerToSpan(der, out var length);
        return Convert.ToBase64String(der.Slice(0, length));
    }

    private static byte[] SecretOf(string pem)
    {
        var body = string.Concat(pem.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("-----", StringComparison.Ordinal)));
        var sequence = new System.Formats.Asn1.AsnReader(Convert.FromBase64String(body), System.Formats.Asn1.AsnEncodingRules.DER).ReadSequence();
        sequence.ReadInteger();
        return sequence.ReadOctetString();
    }
}
