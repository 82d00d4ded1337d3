using System.Collections.Generic;
using System.Threading.Tasks;
using NUnit.Framework;

namespace StarkSdk.Infra.Tests;

/// <summary>The Stark Infra example proposed for the README, run against the emulator (only the client's construction differs).</summary>
public class ReadmeExampleTests
{
    [Test]
    public async Task CreateAPixRequestThenParseAndAnswerAnAuthorization()
    {
        await using var emulator = await InfraEmulator.StartAsync();
        var client = emulator.Client;
        var body = Callbacks.PixRequestJson;
        var headers = new Dictionary<string, string> { ["Digital-Signature"] = TestSupport.SignAsStarkInfra(body) };

        // --- README example ---
        var request = await client.PixRequests.CreateAsync(new PixRequest
        {
            Amount = 1000, ExternalId = "my-order-1", EndToEndId = EndToEndId.Create("20018183"),
            SenderName = "Arya Stark", SenderTaxId = "012.345.678-90", SenderBranchCode = "0000", SenderAccountNumber = "00000-0", SenderAccountType = PixRequestAccountType.Checking,
            ReceiverName = "Jon Snow", ReceiverTaxId = "012.345.678-90", ReceiverBankCode = "00000001", ReceiverBranchCode = "0001", ReceiverAccountNumber = "00000-1", ReceiverAccountType = PixRequestAccountType.Checking,
        });

        // In your authorization endpoint: verify Stark Infra's signature, then answer within 1 second.
        var inbound = await client.PixRequests.ParseAsync(body, headers["Digital-Signature"]);
        var answer = inbound.Amount <= 100_000
            ? PixRequestAuthorizationResponse.Approve()
            : PixRequestAuthorizationResponse.Deny(PixRequestAuthorizationReason.OrderRejected);
        var json = answer.ToJson();   // the HTTP 200 body, application/json
        // --- end ---

        Assert.That(request.Id, Is.Not.Empty);
        Assert.That(EndToEndId.IsValid(request.EndToEndId), Is.True);
        Assert.That(json, Is.EqualTo("""{"authorization":{"status":"approved"}}"""));
    }
}
