using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Formats.Asn1;
using StarkSdk.Core.Tests.Infrastructure;

namespace StarkSdk.Core.Tests.Keys;

public class PrivateKeyTests
{

    private static string DocsSec1Only => TestData.DocsKeyPem.Substring(TestData.DocsKeyPem.IndexOf("-----BEGIN EC PRIVATE KEY", StringComparison.Ordinal));

    [Test]
    public void ReadsTheDocsKeyWithItsEcParametersBlock()
    {
        var key = PrivateKey.FromPem(TestData.DocsKeyPem);
        Assert.That(key.PublicKey, Is.EqualTo(PrivateKey.FromPem(DocsSec1Only).PublicKey));
    }

    [TestCase("\r\n")]
    [TestCase("\n")]
    public void AcceptsLineEndingsIndentationAndBlankLines(string newline)
    {
        var expected = TestData.DocsKey.PublicKey;
        var lines = TestData.DocsKeyPem.Replace("\r", "").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var messy = newline + newline + string.Join(newline, lines.Select(l => "    " + l)) + newline + "   " + newline;
        Assert.That(PrivateKey.FromPem(messy).PublicKey, Is.EqualTo(expected));
    }

    [Test]
    public void AcceptsEscapedNewlinesFromEnvironmentVariables()
    {
        var escaped = TestData.DocsKeyPem.Replace("\r", "").Replace("\n", "\\n");
        Assert.That(PrivateKey.FromPem(escaped).PublicKey, Is.EqualTo(TestData.DocsKey.PublicKey));
    }

    [Test]
    public void AcceptsPkcs8MadeByAnIndependentImplementation()
    {
        using var ecdsa = ECDsa.Create(ECCurve.CreateFromFriendlyName("secp256k1"));
        var pkcs8 = ecdsa.ExportPkcs8PrivateKeyPem();
        var key = PrivateKey.FromPem(pkcs8);
        using var expected = ECDsa.Create();
        expected.ImportFromPem(key.PublicKey.ToPem());
        Assert.That(expected.ExportSubjectPublicKeyInfo(), Is.EqualTo(ecdsa.ExportSubjectPublicKeyInfo()));
    }

    [Test]
    public void ToPemRoundTrips()
    {
        var again = PrivateKey.FromPem(TestData.DocsKey.ToPem());
        Assert.That(again.PublicKey, Is.EqualTo(TestData.DocsKey.PublicKey));
        Assert.That(TestData.DocsKey.ToPem(), Does.StartWith("-----BEGIN EC PRIVATE KEY-----\n"));
    }

    [Test]
    public void RejectsAP256KeyWithAClearMessageThatDoesNotEchoTheKey()
    {
        using var p256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        foreach (var pem in new[] { p256.ExportECPrivateKeyPem(), p256.ExportPkcs8PrivateKeyPem() })
        {
            var ex = Assert.Throws<InvalidKeyException>(() => PrivateKey.FromPem(pem))!;
            Assert.That(ex.Message, Does.Contain("secp256k1").And.Contain("P-256").Or.Contain("secp256r1").Or.Contain("1.2.840.10045.3.1.7"));
            AssertNoKeyMaterial(ex.Message, pem);
            Assert.That(ex, Is.InstanceOf<ArgumentException>());
        }
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("not a key at all")]
    [TestCase("-----BEGIN EC PRIVATE KEY-----\n!!!!notbase64!!!!\n-----END EC PRIVATE KEY-----")]
    [TestCase("-----BEGIN EC PRIVATE KEY-----\nMHQCAQEEIMCwW74H6egQkTiz87WDvLNm7fK/cA+ctA2vg/bbHx3woAcGBSuBBAAK\n-----END EC PRIVATE KEY-----")]
    [TestCase("-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----")]
    [TestCase("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----")]
    public void RejectsMalformedKeysWithoutEchoingThem(string pem)
    {
        var ex = Assert.Throws<InvalidKeyException>(() => PrivateKey.FromPem(pem))!;
        AssertNoKeyMaterial(ex.Message, pem);
        Assert.That(ex.InnerException, Is.Null, "no inner exception that could carry key bytes");
    }

    [Test]
    public void RejectsAKeyWhoseEmbeddedPublicKeyDoesNotMatch()
    {
        var other = PrivateKey.FromPem(Key.Create().PrivatePem);
        var forged = KeyAsn.WriteSec1(Secret(TestData.DocsKey), other.PublicKey.Uncompressed);
        var pem = "-----BEGIN EC PRIVATE KEY-----\n" + Convert.ToBase64String(forged) + "\n-----END EC PRIVATE KEY-----";
        var ex = Assert.Throws<InvalidKeyException>(() => PrivateKey.FromPem(pem))!;
        Assert.That(ex.Message, Does.Contain("corrupt"));
    }

    [Test]
    public void RejectsAPublicKeyWhereAPrivateOneIsNeeded()
    {
        var ex = Assert.Throws<InvalidKeyException>(() => PrivateKey.FromPem(TestData.DocsKey.PublicKey.ToPem()))!;
        Assert.That(ex.Message, Does.Contain("public key"));
    }

    [Test]
    public void RejectsNull() => Assert.Throws<ArgumentNullException>(() => PrivateKey.FromPem(null!));

    [Test]
    public void SigningIsDeterministicPerRfc6979()
    {
        var message = Encoding.UTF8.GetBytes("project/1:1584041509:{\"a\":1}");
        Assert.That(TestData.DocsKey.Sign(message), Is.EqualTo(TestData.DocsKey.Sign(message)));
        Assert.That(TestData.DocsKey.Sign(message), Is.Not.EqualTo(TestData.DocsKey.Sign(Encoding.UTF8.GetBytes("other"))));
    }

    [Test]
    public void MatchesTheKnownRfc6979VectorForSecp256k1()
    {
        // Private key 1, SHA-256("Satoshi Nakamoto"): the widely published deterministic-ECDSA vector (low-S form).
        var one = new byte[32];
        one[31] = 1;
        var key = new PrivateKey(one);
        var compact = EcdsaSignature.TryDecode(key.Sign(Encoding.UTF8.GetBytes("Satoshi Nakamoto")))!;
        Assert.That(Convert.ToHexString(compact, 0, 32).ToLowerInvariant(), Is.EqualTo("934b1ea10a4b3c1757e2b0c017d0b6143ce3c9a7e6a4a49860d7a6ab210ee3d8"));
        Assert.That(Convert.ToHexString(compact, 32, 32).ToLowerInvariant(), Is.EqualTo("2442ce9d2b916064108014783e923ec36b49743e2ffa1c4496f01a512aafd9e5"));
    }

    [Test]
    public void SignaturesAreLowS()
    {
        for (var i = 0; i < 64; i++)
        {
            Assert.That(SignatureMath.IsLowS(TestData.DocsKey.Sign(Encoding.UTF8.GetBytes("message " + i))), Is.True, "signature " + i);
        }
    }

    [Test]
    public void SignaturesVerifyWithAnIndependentImplementation()
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(TestData.DocsKey.PublicKey.ToPem());
        var message = Encoding.UTF8.GetBytes("organization/1/workspace/2:1700000000:{\"name\":\"Jo\u00e3o\"}");
        var signature = Convert.FromBase64String(TestData.DocsKey.Sign(message));
        Assert.That(ecdsa.VerifyData(message, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence), Is.True);
    }

    [Test]
    public void ToStringNeverRevealsTheKey()
    {
        var text = TestData.DocsKey.ToString();
        AssertNoKeyMaterial(text, TestData.DocsKeyPem);
        Assert.That(text, Does.Contain("secp256k1"));
    }

    internal static void AssertNoKeyMaterial(string text, string pem)
    {
        foreach (var fragment in TestData.DocsKeyFragments)
        {
            Assert.That(text, Does.Not.Contain(fragment));
        }

        var base64Lines = pem.Replace("\r", "").Split('\n').Select(l => l.Trim()).Where(l => l.Length >= 16 && !l.StartsWith("-----", StringComparison.Ordinal));
        foreach (var line in base64Lines)
        {
            Assert.That(text, Does.Not.Contain(line.Substring(0, 16)), "message echoes key material");
        }
    }

    /// <summary>The secret of a key, read back from its own PEM with AsnReader (independently of the SDK's parser).</summary>
    internal static byte[] Secret(PrivateKey key)
    {
        var sequence = new AsnReader(Der(key.ToPem()), AsnEncodingRules.DER).ReadSequence();
        sequence.ReadInteger();
        return sequence.ReadOctetString();
    }

    internal static byte[] Der(string pem)
    {
        var body = string.Concat(pem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal)));
        return Convert.FromBase64String(body);
    }
}
