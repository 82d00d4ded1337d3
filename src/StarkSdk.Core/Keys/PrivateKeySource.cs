using System;
using System.IO;

namespace StarkSdk.Core;

/// <summary>
/// Where a private key usually comes from in production: a mounted file, or an environment variable or a vault secret
/// holding the PEM on one line with literal <c>\n</c>. Errors name the source, never the key.
/// </summary>
public static class PrivateKeySource
{
    /// <summary>Reads a PEM file (<c>EC PRIVATE KEY</c> or <c>PRIVATE KEY</c>).</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The key.</returns>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidKeyException">The file is not a secp256k1 private key.</exception>
    public static PrivateKey FromFile(string path)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException("The private key file does not exist.", path);
        }

        return FromEscapedPem(File.ReadAllText(path));
    }

    /// <summary>Reads a PEM from an environment variable, accepting literal <c>\n</c> (and <c>\r\n</c>) for line breaks.</summary>
    /// <param name="variable">The variable's name, e.g. <c>STARK_PRIVATE_KEY</c>.</param>
    /// <returns>The key.</returns>
    /// <exception cref="InvalidOperationException">The variable is not set or empty.</exception>
    /// <exception cref="InvalidKeyException">Its value is not a secp256k1 private key.</exception>
    public static PrivateKey FromEnvironment(string variable)
    {
        if (string.IsNullOrEmpty(variable))
        {
            throw new ArgumentException("The variable name must not be empty.", nameof(variable));
        }

        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException($"The environment variable {variable} holds no private key.");
        }

        return FromEscapedPem(value!);
    }

    /// <summary>Parses a PEM whose line breaks may be written as literal <c>\n</c> (one-line secrets).</summary>
    /// <param name="pem">The PEM text.</param>
    /// <returns>The key.</returns>
    /// <exception cref="InvalidKeyException">The text is not a secp256k1 private key.</exception>
    public static PrivateKey FromEscapedPem(string pem)
    {
        if (pem is null)
        {
            throw new ArgumentNullException(nameof(pem));
        }

        return PrivateKey.FromPem(pem.Replace("\\r\\n", "\n").Replace("\\n", "\n"));
    }
}
