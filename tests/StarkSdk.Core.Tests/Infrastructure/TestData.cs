using System;
using System.IO;

namespace StarkSdk.Core.Tests.Infrastructure;

internal static class TestData
{
    internal static readonly string DocsKeyPem = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestKeys", "test-docs-example-private.pem"));

    /// <summary>The base64 body of the docs key's EC PRIVATE KEY block: any of it appearing in a message or log is a leak.</summary>
    internal static readonly string[] DocsKeyFragments =
    {
        "MHQCAQEEIMCwW74H6egQkTiz87WDvLNm7fK",
        "oUQDQgAE0iaeEHEgr3oTbCfh8U2L",
        "IF16ZoTVt1FzZ8WkYQ3XomRD4HS13A",
    };

    internal static readonly PrivateKey DocsKey = PrivateKey.FromPem(DocsKeyPem);

    internal static readonly ApiDescriptor Api = new("StarkTest", new Uri("https://sandbox.api.example.invalid"), new Uri("https://api.example.invalid"), "9.8.7");

    internal static Project Project(string id = "5656565656565656") => new(StarkEnvironment.Sandbox, id, DocsKey);

    internal static StarkClientOptions Options(MockApi server, User? user = null) => new()
    {
        User = user ?? Project(),
        BaseUrl = server.BaseUrl,
        Retry = new RetryOptions { BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero },
    };
}
