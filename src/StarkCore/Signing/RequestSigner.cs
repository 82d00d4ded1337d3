using System;
using System.Text;

namespace StarkCore;

/// <summary>Builds the Access-Signature: ECDSA over <c>accessId:accessTime:body</c>, where body is the exact bytes sent.</summary>
internal static class RequestSigner
{
    internal static byte[] Message(string accessId, string accessTime, byte[] body)
    {
        // Concatenated as bytes, never re-decoded, so that the signed body is byte-for-byte the sent body.
        var prefix = Encoding.UTF8.GetBytes(accessId + ":" + accessTime + ":");
        var message = new byte[prefix.Length + body.Length];
        Buffer.BlockCopy(prefix, 0, message, 0, prefix.Length);
        Buffer.BlockCopy(body, 0, message, prefix.Length, body.Length);
        return message;
    }

    internal static string Sign(User user, string accessTime, byte[] body) => user.PrivateKey.Sign(Message(user.AccessId, accessTime, body));
}
