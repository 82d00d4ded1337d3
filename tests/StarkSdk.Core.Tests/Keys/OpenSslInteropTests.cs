using System;
using System.IO;
using System.Text;
using StarkSdk.Core.Tests.Infrastructure;

namespace StarkSdk.Core.Tests.Keys;

public class OpenSslInteropTests
{
    private static readonly byte[] Message = Encoding.UTF8.GetBytes("project/5656565656565656:1584041509:{\"transfers\":[{\"amount\":100,\"name\":\"Jo\u00e3o \u00c7\"}]}");

    private string _dir = null!;

    [SetUp]
    public void SetUp()
    {
        OpenSsl.RequireOrIgnore();
        _dir = OpenSsl.TempDir();
        File.WriteAllText(Path.Combine(_dir, "test-private.pem"), TestData.DocsKeyPem);
        File.WriteAllBytes(Path.Combine(_dir, "msg"), Message);
    }

    [TearDown]
    public void TearDown()
    {
        if (_dir != null && Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Test]
    public void OpenSslVerifiesASignatureMadeByTheSdk()
    {
        File.WriteAllText(Path.Combine(_dir, "pub.pem"), TestData.DocsKey.PublicKey.ToPem());
        File.WriteAllBytes(Path.Combine(_dir, "sig.der"), Convert.FromBase64String(TestData.DocsKey.Sign(Message)));
        var (exit, output) = OpenSsl.Run(_dir, "dgst", "-sha256", "-verify", "pub.pem", "-signature", "sig.der", "msg");
        Assert.That(exit, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("Verified OK"));
    }

    [Test]
    public void OpenSslDerivesTheSamePublicKeyFromTheDocsKey()
    {
        var (exit, output) = OpenSsl.Run(_dir, "ec", "-in", "test-private.pem", "-pubout", "-out", "openssl-pub.pem");
        Assert.That(exit, Is.EqualTo(0), output);
        var fromOpenSsl = EcdsaPublicKey.FromPem(File.ReadAllText(Path.Combine(_dir, "openssl-pub.pem")));
        Assert.That(fromOpenSsl, Is.EqualTo(TestData.DocsKey.PublicKey));
    }

    [Test]
    public void TheSdkVerifiesASignatureMadeByOpenSsl()
    {
        var (exit, output) = OpenSsl.Run(_dir, "dgst", "-sha256", "-sign", "test-private.pem", "-out", "sig.der", "msg");
        Assert.That(exit, Is.EqualTo(0), output);
        var signature = Convert.ToBase64String(File.ReadAllBytes(Path.Combine(_dir, "sig.der")));
        Assert.That(TestData.DocsKey.PublicKey.Verify(Message, signature), Is.True);
        Assert.That(TestData.DocsKey.PublicKey.Verify(Encoding.UTF8.GetBytes("other"), signature), Is.False);
    }

    [Test]
    public void OpenSslReadsKeysCreatedByTheSdk()
    {
        var pair = Key.Create();
        File.WriteAllText(Path.Combine(_dir, "new-private.pem"), pair.PrivatePem);
        var (exit, output) = OpenSsl.Run(_dir, "ec", "-in", "new-private.pem", "-pubout", "-out", "new-pub.pem");
        Assert.That(exit, Is.EqualTo(0), output);
        Assert.That(EcdsaPublicKey.FromPem(File.ReadAllText(Path.Combine(_dir, "new-pub.pem"))), Is.EqualTo(EcdsaPublicKey.FromPem(pair.PublicPem)));
    }

    [Test]
    public void TheSdkReadsKeysCreatedByOpenSsl()
    {
        var (exit, output) = OpenSsl.Run(_dir, "ecparam", "-name", "secp256k1", "-genkey", "-out", "gen.pem");
        Assert.That(exit, Is.EqualTo(0), output);
        (exit, output) = OpenSsl.Run(_dir, "pkcs8", "-topk8", "-nocrypt", "-in", "gen.pem", "-out", "gen-pkcs8.pem");
        Assert.That(exit, Is.EqualTo(0), output);
        var sec1 = PrivateKey.FromPem(File.ReadAllText(Path.Combine(_dir, "gen.pem")));
        var pkcs8 = PrivateKey.FromPem(File.ReadAllText(Path.Combine(_dir, "gen-pkcs8.pem")));
        Assert.That(pkcs8.PublicKey, Is.EqualTo(sec1.PublicKey));
    }

    [Test]
    public void TheSdkReadsOpenSslKeysWithExplicitParametersAndCompressedPoints()
    {
        var (exit, output) = OpenSsl.Run(_dir, "ec", "-in", "test-private.pem", "-param_enc", "explicit", "-conv_form", "compressed", "-out", "explicit.pem");
        Assert.That(exit, Is.EqualTo(0), output);
        (exit, output) = OpenSsl.Run(_dir, "ec", "-in", "explicit.pem", "-pubout", "-param_enc", "explicit", "-conv_form", "compressed", "-out", "explicit-pub.pem");
        Assert.That(exit, Is.EqualTo(0), output);
        Assert.That(PrivateKey.FromPem(File.ReadAllText(Path.Combine(_dir, "explicit.pem"))).PublicKey, Is.EqualTo(TestData.DocsKey.PublicKey));
        Assert.That(EcdsaPublicKey.FromPem(File.ReadAllText(Path.Combine(_dir, "explicit-pub.pem"))), Is.EqualTo(TestData.DocsKey.PublicKey));
    }
}
