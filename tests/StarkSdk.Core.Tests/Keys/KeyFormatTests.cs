using System;
using System.Formats.Asn1;
using StarkSdk.Core.Tests.Infrastructure;

namespace StarkSdk.Core.Tests.Keys;

/// <summary>The less common key forms, built with AsnWriter: explicit curve parameters, compressed points, missing optional fields.</summary>
public class KeyFormatTests
{
    private static readonly Asn1Tag Context0 = new(TagClass.ContextSpecific, 0, true);
    private static readonly Asn1Tag Context1 = new(TagClass.ContextSpecific, 1, true);

    private static byte[] Secret => PrivateKeyTests.Secret(TestData.DocsKey);

    private static byte[] Uncompressed => TestData.DocsKey.PublicKey.Uncompressed.ToArray();

    private static byte[] Compressed
    {
        get
        {
            var point = Uncompressed;
            var compressed = new byte[33];
            compressed[0] = (byte)(0x02 | (point[64] & 1));
            Array.Copy(point, 1, compressed, 1, 32);
            return compressed;
        }
    }

    [Test]
    public void ReadsExplicitCurveParametersWithUncompressedOrCompressedBasePoint()
    {
        foreach (var compressedBase in new[] { false, true })
        {
            var pem = Pem("EC PRIVATE KEY", Sec1(Secret, w => WriteExplicit(w, compressedBase), Compressed));
            Assert.That(PrivateKey.FromPem(pem).PublicKey, Is.EqualTo(TestData.DocsKey.PublicKey), "compressed G: " + compressedBase);
            var spki = Pem("PUBLIC KEY", Spki(w => WriteExplicit(w, compressedBase), Uncompressed));
            Assert.That(EcdsaPublicKey.FromPem(spki), Is.EqualTo(TestData.DocsKey.PublicKey));
        }
    }

    [Test]
    public void ReadsPkcs8WithExplicitParametersAndSec1WithoutOptionalFields()
    {
        var inner = Sec1(Secret, null, null);
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(0);
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(Secp256k1.EcPublicKeyOid);
                WriteExplicit(writer, false);
            }

            writer.WriteOctetString(inner);
        }

        Assert.That(PrivateKey.FromPem(Pem("PRIVATE KEY", writer.Encode())).PublicKey, Is.EqualTo(TestData.DocsKey.PublicKey));
        Assert.That(PrivateKey.FromPem(Pem("EC PRIVATE KEY", inner)).PublicKey, Is.EqualTo(TestData.DocsKey.PublicKey), "SEC1 without curve or public key");
    }

    [Test]
    public void ReadsCompressedPublicKeysAndShortSecrets()
    {
        Assert.That(EcdsaPublicKey.FromPem(Pem("PUBLIC KEY", Spki(w => w.WriteObjectIdentifier(Secp256k1.Oid), Compressed))), Is.EqualTo(TestData.DocsKey.PublicKey));

        // Secret 1 written in one octet, as lax encoders do: still the key whose public point is G.
        var one = PrivateKey.FromPem(Pem("EC PRIVATE KEY", Sec1(new byte[] { 1 }, w => w.WriteObjectIdentifier(Secp256k1.Oid), null)));
        Assert.That(one.PublicKey.Uncompressed.ToArray(), Is.EqualTo(Secp256k1.G));
        Assert.That(PrivateKey.FromPem(one.ToPem()).PublicKey, Is.EqualTo(one.PublicKey));
    }

    [Test]
    public void RejectsExplicitParametersOfAnotherCurve()
    {
        var pem = Pem("EC PRIVATE KEY", Sec1(Secret, w => WriteExplicit(w, false, b: 5), null));
        var ex = Assert.Throws<InvalidKeyException>(() => PrivateKey.FromPem(pem))!;
        Assert.That(ex.Message, Does.Contain("explicit parameters").And.Contain("secp256k1"));
        PrivateKeyTests.AssertNoKeyMaterial(ex.Message, pem);
    }

    [Test]
    public void RejectsAKeyThatNamesNoCurveOrWhoseParametersBlockIsAnotherCurve()
    {
        var withNull = Pem("EC PRIVATE KEY", Sec1(Secret, w => w.WriteNull(), null));
        Assert.That(Assert.Throws<InvalidKeyException>(() => PrivateKey.FromPem(withNull))!.Message, Does.Contain("does not name its curve"));

        var p256Parameters = new AsnWriter(AsnEncodingRules.DER);
        p256Parameters.WriteObjectIdentifier("1.2.840.10045.3.1.7");
        var mixed = Pem("EC PARAMETERS", p256Parameters.Encode()) + Pem("EC PRIVATE KEY", Sec1(Secret, null, null));
        Assert.That(Assert.Throws<InvalidKeyException>(() => PrivateKey.FromPem(mixed))!.Message, Does.Contain("P-256"));
    }

    [Test]
    public void RejectsOutOfRangeSecretsAndTrailingBytes()
    {
        var zero = Pem("EC PRIVATE KEY", Sec1(new byte[32], null, null));
        Assert.That(Assert.Throws<InvalidKeyException>(() => PrivateKey.FromPem(zero))!.Message, Does.Contain("out of range"));
        var n = Pem("EC PRIVATE KEY", Sec1(Secp256k1.N, null, null));
        Assert.That(Assert.Throws<InvalidKeyException>(() => PrivateKey.FromPem(n))!.Message, Does.Contain("out of range"));
        var der = Sec1(Secret, null, null);
        var trailing = new byte[der.Length + 2];
        der.CopyTo(trailing, 0);
        var ex = Assert.Throws<InvalidKeyException>(() => PrivateKey.FromPem(Pem("EC PRIVATE KEY", trailing)))!;
        Assert.That(ex.InnerException, Is.Null);
    }

    private static string Pem(string label, byte[] der) =>
        "-----BEGIN " + label + "-----\n" + Convert.ToBase64String(der, Base64FormattingOptions.InsertLineBreaks) + "\n-----END " + label + "-----\n";

    private static byte[] Sec1(byte[] secret, Action<AsnWriter>? curve, byte[]? publicPoint)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(1);
            writer.WriteOctetString(secret);
            if (curve != null)
            {
                using (writer.PushSequence(Context0))
                {
                    curve(writer);
                }
            }

            if (publicPoint != null)
            {
                using (writer.PushSequence(Context1))
                {
                    writer.WriteBitString(publicPoint);
                }
            }
        }

        return writer.Encode();
    }

    private static byte[] Spki(Action<AsnWriter> curve, byte[] point)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(Secp256k1.EcPublicKeyOid);
                curve(writer);
            }

            writer.WriteBitString(point);
        }

        return writer.Encode();
    }

    /// <summary>SEC1 SpecifiedECDomain of secp256k1, as 'openssl ec -param_enc explicit' writes it (b replaceable to forge another curve).</summary>
    private static void WriteExplicit(AsnWriter writer, bool compressedBase, int b = 7)
    {
        using (writer.PushSequence())
        {
            writer.WriteInteger(1);
            using (writer.PushSequence())
            {
                writer.WriteObjectIdentifier(Secp256k1.PrimeFieldOid);
                writer.WriteIntegerUnsigned(Secp256k1.P);
            }

            using (writer.PushSequence())
            {
                writer.WriteOctetString(new byte[32]);
                var bBytes = new byte[32];
                bBytes[31] = (byte)b;
                writer.WriteOctetString(bBytes);
            }

            var g = Secp256k1.G;
            if (compressedBase)
            {
                var compressed = new byte[33];
                compressed[0] = (byte)(0x02 | (g[64] & 1));
                Array.Copy(g, 1, compressed, 1, 32);
                g = compressed;
            }

            writer.WriteOctetString(g);
            writer.WriteIntegerUnsigned(Secp256k1.N);
            writer.WriteInteger(1);
        }
    }
}
