using System;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using StarkSdk.Core;

namespace StarkSdk.Emulator.Auth;

/// <summary>
/// The public keys the emulator accepts, by access id. <c>organization/{id}/workspace/{workspaceId}</c> requests are
/// checked with the key of <c>organization/{id}</c>.
/// </summary>
public sealed class KeyRegistry
{
    private static readonly Regex AccessIdPattern = new(@"^(project|organization)/[^/\s]+(/workspace/[^/\s]+)?$", RegexOptions.CultureInvariant);
    private readonly ConcurrentDictionary<string, EcdsaPublicKey> _keys = new(StringComparer.Ordinal);

    /// <summary>Whether a string has the shape of an access id.</summary>
    public static bool IsAccessId(string? accessId) => accessId != null && AccessIdPattern.IsMatch(accessId);

    /// <summary>Accepts requests signed by the private key of <paramref name="publicKeyPem"/> for <paramref name="accessId"/>.</summary>
    /// <exception cref="ArgumentException">The access id or the key is malformed.</exception>
    public void Register(string accessId, string publicKeyPem)
    {
        if (!IsAccessId(accessId) || accessId.Contains("/workspace/", StringComparison.Ordinal))
            throw new ArgumentException($"'{accessId}' is not an access id such as project/123 or organization/456.", nameof(accessId));
        _keys[accessId] = EcdsaPublicKey.FromPem(publicKeyPem);
    }

    /// <summary>Forgets the key of an access id.</summary>
    public bool Remove(string accessId) => _keys.TryRemove(accessId, out _);

    /// <summary>The key that verifies requests of <paramref name="accessId"/>, or null.</summary>
    public EcdsaPublicKey? Find(string accessId)
    {
        if (_keys.TryGetValue(accessId, out var key))
            return key;
        var workspace = accessId.IndexOf("/workspace/", StringComparison.Ordinal);
        return workspace > 0 && _keys.TryGetValue(accessId.Substring(0, workspace), out key) ? key : null;
    }
}
