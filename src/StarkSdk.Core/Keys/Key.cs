using System;
using System.IO;
using System.Text;
using System.Security.Cryptography;

namespace StarkSdk.Core;

/// <summary>Creates new secp256k1 key pairs for Stark users.</summary>
public static class Key
{
    /// <summary>The file name <see cref="Create(string)"/> writes the private key to.</summary>
    public const string PrivateKeyFileName = "privateKey.pem";

    /// <summary>The file name <see cref="Create(string)"/> writes the public key to.</summary>
    public const string PublicKeyFileName = "publicKey.pem";

    /// <summary>Creates a new random secp256k1 key pair.</summary>
    /// <returns>The private and public keys as PEM.</returns>
    /// <exception cref="InvalidKeyException">No secp256k1 implementation can run in this process.</exception>
    public static KeyPair Create()
    {
        var backend = Secp256k1Provider.Backend;
        var secret = new byte[32];
        try
        {
            using (var random = RandomNumberGenerator.Create())
            {
                // A uniform 256-bit value falls outside [1, n-1] with probability about 2^-128; draw again if it does.
                do
                {
                    random.GetBytes(secret);
                }
                while (!Secp256k1.IsScalarInRange(secret));
            }

            var privateKey = new PrivateKey(secret, backend);
            return new KeyPair(privateKey.ToPem(), privateKey.PublicKey.ToPem());
        }
        finally
        {
            Array.Clear(secret, 0, secret.Length);
        }
    }

    /// <summary>
    /// Creates a new key pair and writes it to <paramref name="folder"/> as <c>privateKey.pem</c> and <c>publicKey.pem</c>
    /// (the folder is created if needed). Existing key files are never overwritten, since losing a registered key locks you out.
    /// </summary>
    /// <param name="folder">Where to write the files.</param>
    /// <returns>The pair that was written.</returns>
    /// <exception cref="IOException">A key file already exists in the folder.</exception>
    public static KeyPair Create(string folder)
    {
        if (folder is null)
        {
            throw new ArgumentNullException(nameof(folder));
        }

        if (folder.Trim().Length == 0)
        {
            throw new ArgumentException("The folder must not be empty.", nameof(folder));
        }

        var pair = Create();
        Directory.CreateDirectory(folder);
        var privatePath = Path.Combine(folder, PrivateKeyFileName);
        var publicPath = Path.Combine(folder, PublicKeyFileName);
        if (File.Exists(privatePath) || File.Exists(publicPath))
        {
            throw new IOException($"'{PrivateKeyFileName}' or '{PublicKeyFileName}' already exists in '{folder}'; refusing to overwrite a key.");
        }

        WriteNew(privatePath, pair.PrivatePem, secret: true);
        WriteNew(publicPath, pair.PublicPem, secret: false);
        return pair;
    }

    private static void WriteNew(string path, string content, bool secret)
    {
        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
#if NET7_0_OR_GREATER
            if (secret && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
#endif
            var bytes = new UTF8Encoding(false).GetBytes(content);
            stream.Write(bytes, 0, bytes.Length);
        }
    }
}
