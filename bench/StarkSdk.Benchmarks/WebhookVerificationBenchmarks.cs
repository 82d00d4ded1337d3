using StarkSdk.Bank;
using System;
using System.Text;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using NBitcoin.Secp256k1;
using Newtonsoft.Json;
using StarkSdk.Core;
using StarkEcdsa = EllipticCurve;

namespace StarkSdk.Benchmarks;

/// <summary>
/// Webhook verification: <c>client.Events.ParseAsync</c> of a typical signed event (an invoice "credited" event with its log
/// and invoice), signed by a test key acting as Stark Bank. The loopback server serves that key at /v2/public-key; it is
/// fetched once, in the set-up, and cached by the client, so each operation is signature check + parse, on one core.
/// Beside it, the signature check alone over the same content: the SDK (native, and managed forced), the two libraries
/// called directly (hash, DER parse, S normalization, verify with the key parsed once) and starkbank-ecdsa 1.3.3 as baseline.
/// </summary>
[MemoryDiagnoser]
[StarkJob(oneCore: true)]
[Config(typeof(EventsColumnsConfig))]
public class WebhookVerificationBenchmarks
{
    private LoopbackServer _server = null!;
    private StarkBankClient _client = null!;
    private string _content = null!;
    private byte[] _contentBytes = null!;
    private string _signature = null!;
    private EcdsaPublicKey _publicKey = null!;
    private EcdsaPublicKey _managedPublicKey = null!;
    private Secp256k1Net.Secp256k1 _native = null!;
    private byte[] _nativePublicKey = null!;
    private ECPubKey _nbitcoinPublicKey = null!;
    private StarkEcdsa.PublicKey _officialPublicKey = null!;

    [GlobalSetup]
    public void Setup()
    {
        var stark = PrivateKey.FromPem(Key.Create().PrivatePem);
        var publicKeys = Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(new
        {
            cursor = (string?)null,
            publicKeys = new[] { new { content = stark.PublicKey.ToPem(), created = "2020-10-26T01:50:50.264656+00:00" } },
        }));
        _server = LoopbackServer.StartAsync(request => request.Path.Value == "/v2/public-key" ? publicKeys : null).GetAwaiter().GetResult();
        _client = Fixtures.NewClient(_server, Fixtures.NewProject());
        _content = Fixtures.InvoiceEventJson;
        _contentBytes = Encoding.UTF8.GetBytes(_content);
        _signature = stark.Sign(_content);

        _publicKey = stark.PublicKey;
        var point = stark.PublicKey.Uncompressed.ToArray();
        _managedPublicKey = EcdsaPublicKey.TryCreate(point, new ManagedSecp256k1())!;
        _native = new Secp256k1Net.Secp256k1();
        _nativePublicKey = new byte[64];
        _native.EcPubkeyParse(_nativePublicKey, point);
        _nbitcoinPublicKey = ECPubKey.Create(point);
        _officialPublicKey = StarkEcdsa.PublicKey.fromPem(stark.PublicKey.ToPem());
        if (!VerifySdk() || !VerifyManaged() || !RawSecp256k1Net() || !RawNBitcoin() || !Official())
        {
            throw new InvalidOperationException("A verifier rejected the signature.");
        }

        var parsed = Parse().GetAwaiter().GetResult();
        if (parsed is not InvoiceEvent invoiceEvent || invoiceEvent.Log.Type != InvoiceLogType.Credited || invoiceEvent.Log.Invoice?.Amount != 400000)
        {
            throw new InvalidOperationException("The event did not parse as an invoice event.");
        }

        Parse().GetAwaiter().GetResult();
        if (_server.RequestCount != 1)
        {
            throw new InvalidOperationException($"The public key was fetched {_server.RequestCount} times; it must be cached after the first.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _server.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "Events.ParseAsync (key cached)")]
    public Task<Event> Parse() => _client.Events.ParseAsync(_content, _signature);

    [Benchmark(Baseline = true, Description = "verify: starkbank-ecdsa 1.3.3 (official)")]
    public bool Official() => EllipticCurve.Ecdsa.verify(_content, StarkEcdsa.Signature.fromBase64(_signature), _officialPublicKey);

    [Benchmark(Description = "verify: SDK, native")]
    public bool VerifySdk() => _publicKey.Verify(_contentBytes, _signature);

    [Benchmark(Description = "verify: SDK, managed fallback forced")]
    public bool VerifyManaged() => _managedPublicKey.Verify(_contentBytes, _signature);

    [Benchmark(Description = "verify: Secp256k1.Net direct")]
    public bool RawSecp256k1Net()
    {
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(_contentBytes, hash);
        Span<byte> parsed = stackalloc byte[64];
        Span<byte> normalized = stackalloc byte[64];
        return _native.EcdsaSignatureParseDer(parsed, Convert.FromBase64String(_signature))
            && (_native.EcdsaSignatureNormalize(normalized, parsed) || true)
            && _native.EcdsaVerify(normalized, hash, _nativePublicKey);
    }

    [Benchmark(Description = "verify: NBitcoin.Secp256k1 direct")]
    public bool RawNBitcoin()
    {
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(_contentBytes, hash);
        if (!SecpECDSASignature.TryCreateFromDer(Convert.FromBase64String(_signature), out var signature) || signature is null)
        {
            return false;
        }

        signature.TryNormalize(out var normalized);
        return _nbitcoinPublicKey.SigVerify(normalized ?? signature, hash);
    }
}
