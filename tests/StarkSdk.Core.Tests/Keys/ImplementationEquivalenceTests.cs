using System;
using System.Text;
using StarkSdk.Core.Tests.Infrastructure;

namespace StarkSdk.Core.Tests.Keys;

/// <summary>
/// Native libsecp256k1 and the managed NBitcoin.Secp256k1 port must be interchangeable: RFC 6979 nonces make signatures
/// deterministic, so the same key and message give the same bytes on both, and each verifies what the other signs.
/// </summary>
public class ImplementationEquivalenceTests
{
    private const int Samples = 2048;

    private static readonly string[] Alphabets =
    {
        "abcdefghijklmnopqrstuvwxyz0123456789{}\":,[] ",
        "João Ñandú çãõéíú ÀÉÎÕÜ",
        "日本語の文字 中文字符 한국어",
        "🚀💸🏦✓€£¥ \u0000\t\n\\\"",
    };

    private ISecp256k1 _native = null!;
    private ISecp256k1 _managed = null!;

    [OneTimeSetUp]
    public void CreateBoth()
    {
        _native = Secp256k1Provider.TryCreateNative(out var nativeFailure) ?? throw new InvalidOperationException("native: " + nativeFailure);
        var managed = Secp256k1Provider.TryCreateManaged(out var managedFailure);
        if (managed is null)
        {
            Assert.Ignore("No managed implementation on this build: " + managedFailure);
        }

        _managed = managed!;
    }

    [Test]
    public void NativeAndManagedGiveByteIdenticalSignaturesForThousandsOfRandomKeysAndMessages()
    {
        // Seeded, so that a failure names a reproducible sample.
        var random = new Random(20261206);
        var secret = new byte[32];
        for (var i = 0; i < Samples; i++)
        {
            do
            {
                random.NextBytes(secret);
            }
            while (!Secp256k1.IsScalarInRange(secret));

            var message = RandomMessage(random, i);
            var native = new PrivateKey(secret, _native);
            var managed = new PrivateKey(secret, _managed);
            Assert.That(managed.PublicKey, Is.EqualTo(native.PublicKey), "public key, sample " + i);

            var nativeSignature = native.Sign(message);
            var managedSignature = managed.Sign(message);
            Assert.That(managedSignature, Is.EqualTo(nativeSignature), "signature, sample " + i);
            Assert.That(SignatureMath.IsLowS(nativeSignature), Is.True, "low S, sample " + i);

            // Each verifies the other's signatures, also in the high-S form, and both reject a tampered message.
            Assert.That(managed.PublicKey.Verify(message, nativeSignature), Is.True, "managed verifies native, sample " + i);
            Assert.That(native.PublicKey.Verify(message, managedSignature), Is.True, "native verifies managed, sample " + i);
            if (i % 8 == 0)
            {
                var highS = SignatureMath.Malleate(nativeSignature);
                Assert.That(native.PublicKey.Verify(message, highS), Is.True, "native, high S, sample " + i);
                Assert.That(managed.PublicKey.Verify(message, highS), Is.True, "managed, high S, sample " + i);
                var tampered = Tamper(message, random);
                Assert.That(native.PublicKey.Verify(tampered, nativeSignature), Is.False, "native, tampered, sample " + i);
                Assert.That(managed.PublicKey.Verify(tampered, nativeSignature), Is.False, "managed, tampered, sample " + i);
                Assert.That(native.PublicKey.Verify(tampered, highS), Is.False, "native, tampered high S, sample " + i);
                Assert.That(managed.PublicKey.Verify(tampered, highS), Is.False, "managed, tampered high S, sample " + i);
            }
        }
    }

    [Test]
    public void BothMatchThePublishedRfc6979VectorForSecp256k1()
    {
        // Private key 1, SHA-256("Satoshi Nakamoto"): the widely published deterministic-ECDSA vector (low-S form).
        var one = new byte[32];
        one[31] = 1;
        foreach (var backend in new[] { _native, _managed })
        {
            var compact = EcdsaSignature.TryDecode(new PrivateKey(one, backend).Sign(Encoding.UTF8.GetBytes("Satoshi Nakamoto")))!;
            Assert.That(Convert.ToHexString(compact).ToLowerInvariant(), Is.EqualTo(
                "934b1ea10a4b3c1757e2b0c017d0b6143ce3c9a7e6a4a49860d7a6ab210ee3d8" +
                "2442ce9d2b916064108014783e923ec36b49743e2ffa1c4496f01a512aafd9e5"), backend.Implementation.ToString());
        }
    }

    [Test]
    public void BothAgreeOnCompressedAndUncompressedPointsAndRejectPointsOffTheCurve()
    {
        var point = TestData.DocsKey.PublicKey.Uncompressed.ToArray();
        var compressed = new byte[33];
        compressed[0] = (byte)(0x02 | (point[64] & 1));
        Array.Copy(point, 1, compressed, 1, 32);
        var offCurve = (byte[])point.Clone();
        offCurve[64] ^= 1;
        foreach (var backend in new[] { _native, _managed })
        {
            Assert.That(EcdsaPublicKey.TryCreate(compressed, backend), Is.EqualTo(TestData.DocsKey.PublicKey), backend.Implementation.ToString());
            Assert.That(EcdsaPublicKey.TryCreate(point, backend), Is.EqualTo(TestData.DocsKey.PublicKey), backend.Implementation.ToString());
            Assert.That(EcdsaPublicKey.TryCreate(offCurve, backend), Is.Null, backend.Implementation.ToString());
            Assert.That(EcdsaPublicKey.TryCreate(ReadOnlySpan<byte>.Empty, backend), Is.Null, backend.Implementation.ToString());
            Assert.That(EcdsaPublicKey.TryCreate(new byte[] { 0 }, backend), Is.Null, backend.Implementation.ToString());
            Assert.That(backend.TryLoadSecret(new byte[32]), Is.Null, "zero secret, " + backend.Implementation);
            Assert.That(backend.TryLoadSecret(Secp256k1.N), Is.Null, "secret n, " + backend.Implementation);
        }
    }

    private static byte[] RandomMessage(Random random, int sample)
    {
        if (sample % 2 == 0)
        {
            var bytes = new byte[random.Next(0, 1100)];
            random.NextBytes(bytes);
            return bytes;
        }

        var alphabet = Alphabets[random.Next(Alphabets.Length)];
        var text = new StringBuilder();
        var length = random.Next(0, 300);
        while (text.Length < length)
        {
            var index = random.Next(alphabet.Length);
            text.Append(char.IsSurrogate(alphabet[index]) ? alphabet.Substring(char.IsHighSurrogate(alphabet[index]) ? index : index - 1, 2) : alphabet[index].ToString());
        }

        return Encoding.UTF8.GetBytes("project/" + sample + ":1700000000:" + text);
    }

    private static byte[] Tamper(byte[] message, Random random)
    {
        if (message.Length == 0)
        {
            return new byte[] { 0 };
        }

        var tampered = (byte[])message.Clone();
        tampered[random.Next(tampered.Length)] ^= (byte)(1 << random.Next(8));
        return tampered;
    }
}
