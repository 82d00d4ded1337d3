using System;
using System.Text;
using StarkSdk.Core.Tests.Infrastructure;
using Official = EllipticCurve;

namespace StarkSdk.Core.Tests.Keys;

/// <summary>
/// Interop with the official starkbank-ecdsa 1.3.3, what Stark's own SDKs sign with. Keys are made by this SDK (or are the
/// OpenSSL-made docs key) and the same PEM is loaded into both libraries; the official toPem() is never used, as it writes
/// invalid DER. The official signer does not normalize S, so about half of its signatures are high-S: many are checked.
/// </summary>
public class StarkbankEcdsaInteropTests
{
    private static readonly string[] Messages =
    {
        "{\"event\":{\"id\":\"1\",\"log\":{\"amount\":100}}}",
        "project/5656565656565656:1584041509:{\"transfers\":[{\"amount\":100,\"name\":\"João Ç\"}]}",
        "organization/1/workspace/2:1700000000:{\"name\":\"Ñandú 日本 🚀\"}",
        "",
    };

    [Test]
    public void OfficialSignaturesVerifyHereHighSIncludedAndTamperedOnesFail()
    {
        foreach (var pem in new[] { TestData.DocsKeyPem, Key.Create().PrivatePem })
        {
            var ours = PrivateKey.FromPem(pem);
            var theirs = Official.PrivateKey.fromPem(pem);
            int high = 0, low = 0, checkedCount = 0;

            // Until 8 of each form have been seen (at least 16 signatures): their nonces are random, so is the form.
            for (var i = 0; (high < 8 || low < 8) && i < 400; i++)
            {
                var message = Messages[i % Messages.Length] + " #" + i;
                var signature = Official.Ecdsa.sign(message, theirs).toBase64();
                Assert.That(ours.PublicKey.Verify(message, signature), Is.True, "official signature " + i + " verifies here");
                Assert.That(ours.PublicKey.Verify(message + " ", signature), Is.False, "tampered message " + i);
                if (SignatureMath.IsLowS(signature))
                {
                    low++;
                }
                else
                {
                    high++;
                }

                checkedCount++;
            }

            Assert.That(high, Is.GreaterThanOrEqualTo(8), "high-S signatures seen");
            Assert.That(low, Is.GreaterThanOrEqualTo(8), "low-S signatures seen");
            Assert.That(checkedCount, Is.GreaterThanOrEqualTo(16));
        }
    }

    [Test]
    public void OurSignaturesVerifyThereAndTamperedOnesFail()
    {
        foreach (var pem in new[] { TestData.DocsKeyPem, Key.Create().PrivatePem })
        {
            var ours = PrivateKey.FromPem(pem);
            var theirPublicKey = Official.PublicKey.fromPem(ours.PublicKey.ToPem());
            Assert.That(Official.PrivateKey.fromPem(pem).publicKey().toString(false), Is.EqualTo(theirPublicKey.toString(false)), "same key in both libraries");
            for (var i = 0; i < 16; i++)
            {
                var message = Messages[i % Messages.Length] + " #" + i;
                var signature = ours.Sign(message);
                Assert.That(Official.Ecdsa.verify(message, Official.Signature.fromBase64(signature), theirPublicKey), Is.True, "our signature " + i + " verifies there");
                Assert.That(Official.Ecdsa.verify(message + "x", Official.Signature.fromBase64(signature), theirPublicKey), Is.False, "tampered message " + i);
                var (r, s) = SignatureMath.Decode(signature);
                Assert.That(Official.Ecdsa.verify(message, Official.Signature.fromBase64(SignatureMath.Encode(r, s ^ 1)), theirPublicKey), Is.False, "tampered signature " + i);
            }
        }
    }

    [Test]
    public void TheOfficialLibraryToleratesNonMinimalDerWhichThisSdkRejects()
    {
        // The documented difference of rule: both accept the canonical form; only the official library the padded one.
        var ours = TestData.DocsKey;
        var theirPublicKey = Official.PublicKey.fromPem(ours.PublicKey.ToPem());
        var message = Messages[0];
        var der = Convert.FromBase64String(ours.Sign(message));
        var padded = new byte[der.Length + 1];
        padded[0] = 0x30;
        padded[1] = (byte)(der[1] + 1);
        padded[2] = 0x02;
        padded[3] = (byte)(der[3] + 1);
        Array.Copy(der, 4, padded, 5, der.Length - 4);
        var paddedBase64 = Convert.ToBase64String(padded);
        Assert.That(Official.Ecdsa.verify(message, Official.Signature.fromBase64(paddedBase64), theirPublicKey), Is.True);
        Assert.That(ours.PublicKey.Verify(Encoding.UTF8.GetBytes(message), paddedBase64), Is.False);
    }
}
