using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StarkSdk.Bank;
using StarkSdk.Core;
using StarkSdk.Infra;

namespace StarkSdk.AspNetCore.Tests;

/// <summary>The README's ASP.NET Core example, as written there, maps the endpoints it says.</summary>
public sealed class ReadmeExampleTests
{
    [Test]
    public void The_README_example_maps_a_webhook_and_a_Pix_authorization()
    {
        var bankUser = new Project(StarkEnvironment.Sandbox, "5656565656565656", Key.Create().PrivatePem);
        var infraUser = bankUser;
        var orders = new Orders();
        var payouts = new Orders();
        var builder = WebApplication.CreateSlimBuilder();

        // --- README ---
        builder.Services.AddStarkBank(o => o.User = bankUser);
        builder.Services.AddStarkInfra(o => o.User = infraUser);
        var app = builder.Build();

        app.MapStarkBankWebhook("/stark/events")
           .On<InvoiceEvent>((e, ct) => orders.MarkPaidAsync(e.Log.Invoice.Id, ct))
           .On<TransferEvent>((e, ct) => payouts.UpdateAsync(e.Log.Transfer, ct))
           .OnOther((e, ct) => Task.CompletedTask);

        var pix = app.MapStarkInfraAuthorization<PixRequest>("/pix/requests",
            (request, ct) => PixRequestAuthorizationResponse.Approve());
        // --- end ---

        var routes = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).Select(e => e.DisplayName).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(routes, Is.EquivalentTo(new[] { "StarkBank webhook /stark/events", "Stark Infra PixRequestAuthorization /pix/requests" }));
            Assert.That(pix.Deadline, Is.EqualTo(TimeSpan.FromSeconds(1)));
            Assert.That(pix.Callback, Is.SameAs(StarkInfraCallbacks.PixRequestAuthorization));
        });
    }

    private sealed class Orders
    {
        public Task MarkPaidAsync(string id, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task UpdateAsync(object item, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
