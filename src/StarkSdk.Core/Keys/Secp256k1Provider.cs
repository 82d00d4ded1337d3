using System;
using System.Threading;
using Microsoft.Extensions.Logging;

namespace StarkSdk.Core;

/// <summary>
/// Chooses, once per process, the secp256k1 implementation that signs and verifies: native libsecp256k1 (Secp256k1.Net) by
/// default, the managed NBitcoin.Secp256k1 port where the native library cannot load (an unlisted platform, a sandbox that
/// forbids native code). The managed port exists on netstandard2.1+ and .NET Core 3.0+ only, not on .NET Framework.
/// Setting the environment variable <c>STARKSDK_SECP256K1</c> to <c>native</c> or <c>managed</c> forces one, without fallback.
/// </summary>
public static class Secp256k1Provider
{
    /// <summary>The environment variable that forces an implementation: <c>native</c> or <c>managed</c> (unset or <c>auto</c>: native, else managed).</summary>
    public const string EnvironmentVariable = "STARKSDK_SECP256K1";

    private static readonly Lazy<Selection> Chosen = new Lazy<Selection>(() => Select(Environment.GetEnvironmentVariable(EnvironmentVariable)), LazyThreadSafetyMode.ExecutionAndPublication);

    private static int _logged;

    /// <summary>The implementation in use; choosing it on first access.</summary>
    /// <exception cref="InvalidKeyException">No implementation can run in this process (the message says why).</exception>
    public static Secp256k1Implementation Current => Backend.Implementation;

    /// <summary>How the implementation was chosen, for the log line; safe to log.</summary>
    internal static string Description => Chosen.Value.Description;

    internal static ISecp256k1 Backend => Chosen.Value.Backend ?? throw new InvalidKeyException(Chosen.Value.Description);

    /// <summary>Logs the choice once per process, at the first call that has a logger.</summary>
    internal static void LogChoice(ILogger? logger)
    {
        if (logger is null || Interlocked.Exchange(ref _logged, 1) == 1)
        {
            return;
        }

        var selection = Chosen.Value;
        if (selection.Backend is null)
        {
            logger.LogError("Stark secp256k1: {Description}", selection.Description);
        }
        else
        {
            logger.LogInformation("Stark secp256k1: {Description}", selection.Description);
        }
    }

    /// <summary>Creates the native implementation, or explains why it cannot run here.</summary>
    internal static ISecp256k1? TryCreateNative(out string? failure)
    {
        try
        {
            failure = null;
            return NativeSecp256k1.Create();
        }
        catch (Exception e) when (!(e is OutOfMemoryException))
        {
            // DllNotFoundException, BadImageFormatException, EntryPointNotFoundException, a TypeInitializationException around
            // them, or a failed self-check: none carries key material, as no key has been seen yet.
            var inner = e is TypeInitializationException && e.InnerException != null ? e.InnerException : e;
            failure = inner.GetType().Name + ": " + inner.Message;
            return null;
        }
    }

    /// <summary>Creates the managed implementation, or explains why it cannot run here.</summary>
    internal static ISecp256k1? TryCreateManaged(out string? failure)
    {
#if NETSTANDARD2_1_OR_GREATER || NETCOREAPP3_0_OR_GREATER
        try
        {
            failure = null;
            return new ManagedSecp256k1();
        }
        catch (Exception e) when (!(e is OutOfMemoryException))
        {
            failure = e.GetType().Name + ": " + e.Message;
            return null;
        }
#else
        failure = "the managed implementation (NBitcoin.Secp256k1) needs netstandard2.1 or .NET Core 3.0+, and this is the netstandard2.0 build";
        return null;
#endif
    }

    /// <summary>Chooses for a value of <see cref="EnvironmentVariable"/>; the process calls it once.</summary>
    internal static Selection Select(string? setting)
    {
        var forced = (setting ?? string.Empty).Trim().ToLowerInvariant();
        switch (forced)
        {
            case "native":
            {
                var native = TryCreateNative(out var failure);
                return native != null
                    ? new Selection(native, "native libsecp256k1 (forced by " + EnvironmentVariable + ")")
                    : new Selection(null, "native libsecp256k1 was forced by " + EnvironmentVariable + " but cannot load: " + failure);
            }

            case "managed":
            {
                var managed = TryCreateManaged(out var failure);
                return managed != null
                    ? new Selection(managed, "managed NBitcoin.Secp256k1 (forced by " + EnvironmentVariable + ")")
                    : new Selection(null, "managed NBitcoin.Secp256k1 was forced by " + EnvironmentVariable + " but cannot run: " + failure);
            }

            case "":
            case "auto":
            {
                var native = TryCreateNative(out var nativeFailure);
                if (native != null)
                {
                    return new Selection(native, "native libsecp256k1");
                }

                var managed = TryCreateManaged(out var managedFailure);
                return managed != null
                    ? new Selection(managed, "managed NBitcoin.Secp256k1, because native libsecp256k1 cannot load: " + nativeFailure)
                    : new Selection(null, "no secp256k1 implementation can run in this process, so no Stark key can be used. Native libsecp256k1 (Secp256k1.Net): " + nativeFailure + ". Managed: " + managedFailure + ".");
            }

            default:
                return new Selection(null, EnvironmentVariable + " must be 'native', 'managed' or 'auto' (or unset), not '" + forced + "'.");
        }
    }

    internal sealed class Selection
    {
        internal Selection(ISecp256k1? backend, string description)
        {
            Backend = backend;
            Description = description;
        }

        internal ISecp256k1? Backend { get; }

        internal string Description { get; }
    }
}
