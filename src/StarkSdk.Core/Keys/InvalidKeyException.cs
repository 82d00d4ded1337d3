using System;

namespace StarkSdk.Core;

/// <summary>
/// A key could not be used: malformed PEM, an unsupported format, or a curve other than secp256k1.
/// The message describes the problem and never contains any part of the key.
/// </summary>
public sealed class InvalidKeyException : ArgumentException
{
    /// <summary>Creates the exception with a message that must not contain key material.</summary>
    /// <param name="message">What is wrong with the key.</param>
    public InvalidKeyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message that must not contain key material, naming the parameter.</summary>
    /// <param name="message">What is wrong with the key.</param>
    /// <param name="paramName">The parameter that held the key.</param>
    public InvalidKeyException(string message, string? paramName)
        : base(message, paramName)
    {
    }
}
