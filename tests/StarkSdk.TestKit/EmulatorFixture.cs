using System;
using System.Threading;
using System.Threading.Tasks;
using StarkSdk.Core;
using StarkSdk.Emulator;

namespace StarkSdk.TestKit;

/// <summary>
/// A fresh in-process emulator on 127.0.0.1 with a project registered: its id, its key pair (made once per test run,
/// clearly not a real key) and the <see cref="Project"/> user that signs for it.
/// </summary>
public sealed class EmulatorFixture : IAsyncDisposable
{
    /// <summary>The id of the registered project.</summary>
    public const string ProjectId = "5656565656565656";

    private static readonly Lazy<KeyPair> SharedKeys = new(Key.Create);

    private EmulatorFixture(StarkBankEmulator emulator) => Emulator = emulator;

    /// <summary>The project's key pair; the emulator knows its public half.</summary>
    public static KeyPair Keys => SharedKeys.Value;

    /// <summary>The Access-Id of the project.</summary>
    public static string AccessId => "project/" + ProjectId;

    /// <summary>The project as an SDK user.</summary>
    public static Project User => new(StarkEnvironment.Sandbox, ProjectId, Keys.PrivatePem);

    /// <summary>The running emulator.</summary>
    public StarkBankEmulator Emulator { get; }

    /// <summary>The emulator's root URL.</summary>
    public Uri BaseUri => Emulator.BaseUri;

    /// <summary>Starts an emulator (seed 7 unless <paramref name="options"/> says otherwise) and registers the project's public key.</summary>
    /// <param name="options">The emulator's options, or null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<EmulatorFixture> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        var emulator = await StarkBankEmulator.StartAsync(options ?? new EmulatorOptions { Seed = 7 }, cancellationToken).ConfigureAwait(false);
        emulator.RegisterPublicKey(AccessId, Keys.PublicPem);
        return new EmulatorFixture(emulator);
    }

    /// <summary>Stops the emulator.</summary>
    public ValueTask DisposeAsync() => Emulator.DisposeAsync();
}
