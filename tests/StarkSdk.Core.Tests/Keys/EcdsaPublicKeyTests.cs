using System;
using System.Security.Cryptography;
using System.Text;
using StarkSdk.Core.Tests.Infrastructure;

namespace StarkSdk.Core.Tests.Keys;

public class EcdsaPublicKeyTests
{
    private static readonly byte[] Message = Encoding.UTF8.GetBytes("{\"event\":{\"id\":\"1\",\"log\":{\"amount\":100}}}");

    [Test]
    public void VerifiesItsOwnSignatures()
    {
        var signature = TestData.DocsKey.Sign(Message);
        Assert.That(TestData.DocsKey.PublicKey.Verify(Message, signature), Is.True);
    }

    [Test]
    public void ReadsTheApiDocsPublicKey()
    {
        const string pem = "-----BEGIN PUBLIC KEY-----\nMFYwEAYHKoZIzj0CAQYFK4EEAAoDQgAEQA+bOEY57yQGYdcF0q7Ia/JPc0Hr8Il0\n/pbETwvDSM+7yCkqTPDRsdptMMaoK9UEXILOaXq9Ot5azrgQEcTetg==\n-----END PUBLIC KEY-----";
        var key = EcdsaPublicKey.FromPem(pem);
        Assert.That(EcdsaPublicKey.FromPem(key.ToPem()), Is.EqualTo(key));
    }

    [Test]
    public void VerifiesHighSSignaturesToo()
    {
        // Other signers (OpenSSL, older SDKs) do not normalize S; a valid signature must still pass.
        var signature = TestData.DocsKey.Sign(Message);
        var highS = SignatureMath.Malleate(signature);
        Assert.That(SignatureMath.IsLowS(signature) && !SignatureMath.IsLowS(highS), Is.True);
        Assert.That(TestData.DocsKey.PublicKey.Verify(Message, highS), Is.True);
        Assert.That(TestData.DocsKey.PublicKey.Verify(Encoding.UTF8.GetBytes("other"), highS), Is.False);
    }

    [Test]
    public void RejectsTamperedMessages()
    {
        var signature = TestData.DocsKey.Sign(Message);
        var tampered = (byte[])Message.Clone();
        tampered[^3] ^= 1;
        Assert.That(TestData.DocsKey.PublicKey.Verify(tampered, signature), Is.False);
    }

    [Test]
    public void RejectsSignaturesFromAnotherKey()
    {
        var other = PrivateKey.FromPem(Key.Create().PrivatePem);
        Assert.That(TestData.DocsKey.PublicKey.Verify(Message, other.Sign(Message)), Is.False);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("not base64 !!")]
    [TestCase("AAAA")]
    [TestCase("MAYCAQACAQA=")]
    [TestCase("MAYCAQECAQE=")]
    [TestCase("////////////////////////////////////////////////////////////////////////////////////////////////////////")]
    public void NeverThrowsOnGarbageSignatures(string? signature)
    {
        Assert.That(TestData.DocsKey.PublicKey.Verify(Message, signature), Is.False);
    }

    [Test]
    public void NeverThrowsOnRandomBytes()
    {
        var random = new Random(42);
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(0, 90)];
            random.NextBytes(bytes);
            if (bytes.Length > 0)
            {
                bytes[0] = 0x30;
            }

            Assert.That(TestData.DocsKey.PublicKey.Verify(Message, Convert.ToBase64String(bytes)), Is.False);
        }
    }

    [Test]
    public void ReadsSpkiFromAnIndependentImplementation()
    {
        using var ecdsa = ECDsa.Create(ECCurve.CreateFromFriendlyName("secp256k1"));
        var key = EcdsaPublicKey.FromPem(ecdsa.ExportSubjectPublicKeyInfoPem());
        var signature = Convert.ToBase64String(ecdsa.SignData(Message, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        Assert.That(key.Verify(Message, signature), Is.True);
    }

    [Test]
    public void RejectsWrongCurveAndPrivateKeys()
    {
        using var p256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Assert.Throws<InvalidKeyException>(() => EcdsaPublicKey.FromPem(p256.ExportSubjectPublicKeyInfoPem()));
        var ex = Assert.Throws<InvalidKeyException>(() => EcdsaPublicKey.FromPem(TestData.DocsKeyPem))!;
        PrivateKeyTests.AssertNoKeyMaterial(ex.Message, TestData.DocsKeyPem);
        using var rsa = RSA.Create(2048);
        Assert.Throws<InvalidKeyException>(() => EcdsaPublicKey.FromPem(rsa.ExportSubjectPublicKeyInfoPem()));
        Assert.Throws<InvalidKeyException>(() => EcdsaPublicKey.FromPem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"));
    }

    [Test]
    public void RejectsAPointThatIsNotOnTheCurve()
    {
        var der = Convert.FromBase64String(string.Concat(TestData.DocsKey.PublicKey.ToPem().Split('\n')[1..^2]));
        der[^1] ^= 1;
        var pem = "-----BEGIN PUBLIC KEY-----\n" + Convert.ToBase64String(der) + "\n-----END PUBLIC KEY-----";
        Assert.Throws<InvalidKeyException>(() => EcdsaPublicKey.FromPem(pem));
    }
}
