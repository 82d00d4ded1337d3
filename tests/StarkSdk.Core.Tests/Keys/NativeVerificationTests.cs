using System;
using System.Runtime.InteropServices;
using System.Text;
using NUnit.Framework;
using StarkSdk.Core.Tests.Infrastructure;

namespace StarkSdk.Core.Tests.Keys;

/// <summary>Verification runs on the OS's ECDSA where it has secp256k1; it must agree with BouncyCastle on every input.</summary>
public class NativeVerificationTests
{
    [Test]
    public void LinuxVerifiesNatively()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            Assert.Ignore("OpenSSL-backed verification is what this checks.");
        }

        Assert.That(PrivateKey.FromPem(TestData.DocsKeyPem).PublicKey.UsesNativeVerification, Is.True);
    }

    [Test]
    public void NativeAndBouncyCastleAgreeOnGoodAndBadSignatures()
    {
        var random = new Random(1234);
        for (var i = 0; i < 40; i++)
        {
            var key = PrivateKey.FromPem(Key.Create().PrivatePem);
            var message = new byte[random.Next(0, 2048)];
            random.NextBytes(message);
            var signature = key.Sign(message);
            Assert.That(EcdsaSignature.TryDecode(signature, out var r, out var s), Is.True);

            Assert.That(key.PublicKey.Verify(message, signature), Is.True, "good signature");
            Assert.That(key.PublicKey.VerifyWithBouncyCastle(message, r, s), Is.True, "good signature, BouncyCastle");

            var tampered = (byte[])message.Clone();
            if (tampered.Length == 0)
            {
                tampered = new byte[] { 1 };
            }

            tampered[random.Next(tampered.Length)] ^= 0x01;
            Assert.That(key.PublicKey.Verify(tampered, signature), Is.False, "tampered message");
            Assert.That(key.PublicKey.VerifyWithBouncyCastle(tampered, r, s), Is.False, "tampered message, BouncyCastle");

            var otherKey = PrivateKey.FromPem(Key.Create().PrivatePem);
            Assert.That(otherKey.PublicKey.Verify(message, signature), Is.False, "another key");
        }
    }

    [Test]
    public void HighSAndOutOfRangeValuesAreHandledAlike()
    {
        var key = PrivateKey.FromPem(TestData.DocsKeyPem);
        var message = Encoding.UTF8.GetBytes("{\"event\":{}}");
        Assert.That(EcdsaSignature.TryDecode(key.Sign(message), out var r, out var s), Is.True);
        var highS = Secp256k1.N.Subtract(s);

        // Both implementations accept the malleated (high-S) twin: ECDSA itself does.
        Assert.That(key.PublicKey.Verify(message, r, highS), Is.EqualTo(key.PublicKey.VerifyWithBouncyCastle(message, r, highS)));
        Assert.That(key.PublicKey.Verify(message, r, Secp256k1.N), Is.False);
        Assert.That(key.PublicKey.Verify(message, Org.BouncyCastle.Math.BigInteger.Zero, s), Is.False);
    }
}
