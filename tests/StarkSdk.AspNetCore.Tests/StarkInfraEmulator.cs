using System.IO;
using System.Reflection;
using Newtonsoft.Json.Linq;
using StarkSdk.Core;
using StarkSdk.Emulator;
using StarkSdk.Emulator.Engine;
using StarkSdk.Infra;

namespace StarkSdk.AspNetCore.Tests;

/// <summary>
/// The emulator serving openapi/starkinfra.yaml on 127.0.0.1 with a test key registered as Stark Infra's (served on
/// <c>/v2/public-key</c>), and a client pointed at it; <see cref="Sign"/> signs callbacks as Stark Infra does.
/// </summary>
internal sealed class StarkInfraEmulator : IAsyncDisposable
{
    private const string ProjectId = "5656565656565656";
    private static readonly KeyPair StarkInfraKeys = Key.Create();
    private static readonly PrivateKey StarkInfraPrivateKey = PrivateKey.FromPem(StarkInfraKeys.PrivatePem);

    private StarkInfraEmulator(StarkBankEmulator emulator, StarkInfraClient client)
    {
        Emulator = emulator;
        Client = client;
    }

    public StarkBankEmulator Emulator { get; }

    public StarkInfraClient Client { get; }

    public static string RepositoryRoot =>
        typeof(StarkInfraEmulator).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    public static async Task<StarkInfraEmulator> StartAsync()
    {
        var customer = Key.Create();
        var options = new EmulatorOptions
        {
            SpecPath = Path.Combine(RepositoryRoot, "openapi", "starkinfra.yaml"),
            Behaviours = new List<ResourceBehaviour> { new StarkInfraPublicKey() },
            SigningKeyPem = StarkInfraKeys.PrivatePem,
        };
        options.PublicKeys["project/" + ProjectId] = customer.PublicPem;
        var emulator = await StarkBankEmulator.StartAsync(options);
        var client = new StarkInfraClient(new StarkClientOptions { User = new Project(StarkEnvironment.Sandbox, ProjectId, customer.PrivatePem), BaseUrl = emulator.BaseUri });
        return new StarkInfraEmulator(emulator, client);
    }

    /// <summary>Signs <paramref name="content"/> with the key the emulator serves as Stark Infra's.</summary>
    public static string Sign(string content) => StarkInfraPrivateKey.Sign(content);

    public ValueTask DisposeAsync() => Emulator.DisposeAsync();

    /// <summary>Seeds the key Stark Infra signs with, as <c>GET /v2/public-key</c> returns it.</summary>
    private sealed class StarkInfraPublicKey : ResourceBehaviour
    {
        public override bool AppliesTo(string collection) => false;

        public override void Seed(EmulatorContext context) => context.Insert("public-key", new JObject { ["content"] = context.SigningPublicKeyPem });
    }
}

/// <summary>Bodies Stark Infra sends (the spec's examples).</summary>
internal static class InfraBodies
{
    public const string PixRequest = """
        {"id": "5155165527080960", "amount": 1000, "externalId": "2135613462", "senderName": "Tony Stark", "senderTaxId": "012.345.678-90",
         "senderBankCode": "00000000", "senderBranchCode": "0000", "senderAccountNumber": "00000-0", "senderAccountType": "checking",
         "receiverName": "Jamie Lannister", "receiverTaxId": "45.987.245/0001-92", "receiverBankCode": "20018183", "receiverBranchCode": "0001",
         "receiverAccountNumber": "00000-1", "receiverAccountType": "checking", "endToEndId": "E00000000202201060100rzsJzG9PzMg",
         "description": "For saving my life", "fee": 0, "status": "created", "flow": "in", "tags": [],
         "created": "2022-01-06T01:00:12.123456+00:00", "updated": "2022-01-06T01:00:12.123456+00:00"}
        """;

    public const string IssuingPurchase = """
        {"holderName": "Tony Stark", "cardId": "5634941925081088", "cardEnding": "4387", "purpose": "purchase", "amount": 10000, "tax": 0,
         "issuerAmount": 10000, "issuerCurrencyCode": "BRL", "merchantAmount": 10000, "merchantCurrencyCode": "BRL",
         "merchantCategoryCode": "fastFoodRestaurants", "merchantCountryCode": "BRA", "acquirerId": "236090",
         "merchantId": "204933612653639", "merchantName": "Stark Burgers", "merchantFee": 0, "walletId": "", "methodCode": "chip",
         "endToEndId": "b8d4b1ef-3d72-4a3c-9be4-2d3f2a9c8f61", "isPartialAllowed": false, "cardTags": ["travel"], "holderTags": []}
        """;

    public const string Token = """
        {"cardId": "5189831499972623", "externalId": "DSHRMC00002626944b0e3b539d4d459281bdba90c2588791", "walletId": "google",
         "walletInstanceId": "2d45c1a6d5e24ac4b8c1a9e6d6a3f0b7", "walletName": "Google Pay", "merchantId": "", "methodCode": "app",
         "deviceType": "SMARTPHONE", "status": "pending", "tags": []}
        """;

    public const string PixKeyEvent = """
        {"event": {"id": "5732829530963968", "created": "2022-01-20T14:30:01.000000+00:00", "subscription": "pix-key", "workspaceId": "5078376503050240",
          "log": {"id": "6365510001430528", "created": "2022-01-20T14:30:00.000000+00:00", "type": "created", "errors": [],
            "key": {"id": "+5511989898989", "accountCreated": "2022-02-01T00:00:00+00:00", "accountNumber": "76543", "accountType": "savings",
              "branchCode": "1234", "name": "Jamie Lannister", "taxId": "012.345.678-90", "status": "created", "tags": []}}}}
        """;
}
