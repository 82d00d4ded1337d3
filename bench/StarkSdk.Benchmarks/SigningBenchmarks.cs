using System;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using StarkSdk.Core;

namespace StarkSdk.Benchmarks;

/// <summary>
/// Signing alone: the Access-Signature of a request with a 1 KB body (ECDSA secp256k1 over SHA-256, RFC 6979 nonce,
/// low-S, DER, base64), the key loaded once. The message is what the signing handler signs: <c>accessId:accessTime:body</c>.
/// </summary>
[MemoryDiagnoser]
[StarkJob]
public class SigningBenchmarks
{
    private PrivateKey _key = null!;
    private byte[] _message = null!;

    [GlobalSetup]
    public void Setup()
    {
        _key = PrivateKey.FromPem(Key.Create().PrivatePem);
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

        if (!_key.PublicKey.Verify(_message, _key.Sign(_message)))
        {
            throw new InvalidOperationException("The signature does not verify.");
        }
    }

    [Benchmark(Description = "Sign 1 KB body")]
    public string Sign() => _key.Sign(_message);
}
