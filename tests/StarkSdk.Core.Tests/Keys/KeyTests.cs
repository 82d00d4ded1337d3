using System;
using System.IO;
using System.Text;
using StarkSdk.Core.Tests.Infrastructure;

namespace StarkSdk.Core.Tests.Keys;

public class KeyTests
{
    [Test]
    public void CreateReturnsAWorkingPair()
    {
        var pair = Key.Create();
        var privateKey = PrivateKey.FromPem(pair.PrivatePem);
        var publicKey = EcdsaPublicKey.FromPem(pair.PublicPem);
        Assert.That(privateKey.PublicKey, Is.EqualTo(publicKey));
        var message = Encoding.UTF8.GetBytes("hello");
        Assert.That(publicKey.Verify(message, privateKey.Sign(message)), Is.True);
        Assert.That(Key.Create().PrivatePem, Is.Not.EqualTo(pair.PrivatePem));
    }

    [Test]
    public void KeyPairToStringOmitsThePrivateKey()
    {
        var pair = Key.Create();
        var body = pair.PrivatePem.Split('\n')[1];
        Assert.That(pair.ToString(), Does.Not.Contain(body.Substring(0, 16)).And.Not.Contain("PRIVATE"));
    }

    [Test]
    public void CreateWritesBothFilesAndRefusesToOverwrite()
    {
        var folder = Path.Combine(OpenSsl.TempDir(), "keys");
        try
        {
            var pair = Key.Create(folder);
            Assert.That(File.ReadAllText(Path.Combine(folder, "privateKey.pem")), Is.EqualTo(pair.PrivatePem));
            Assert.That(File.ReadAllText(Path.Combine(folder, "publicKey.pem")), Is.EqualTo(pair.PublicPem));
#if !STARKCORE_NETSTANDARD
            if (!OperatingSystem.IsWindows())
            {
                Assert.That(File.GetUnixFileMode(Path.Combine(folder, "privateKey.pem")), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            }
#endif

            Assert.Throws<IOException>(() => Key.Create(folder));
            Assert.That(File.ReadAllText(Path.Combine(folder, "privateKey.pem")), Is.EqualTo(pair.PrivatePem), "the registered key survives");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }
}
