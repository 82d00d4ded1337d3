using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using StarkSdk.Bank;
using StarkSdk.Emulator;
using StarkSdk.Core;

namespace Quickstart;

/// <summary>
/// The quickstart, step by step: (emulator only) start the embedded emulator and register a new key pair; create
/// invoices; list them (QueryAsync pages through the results as the loop runs); get one and save its PDF; (emulator
/// only) pay it and receive the signed webhook events at an endpoint mapped with StarkSdk.AspNetCore's
/// <c>app.MapStarkBankWebhook</c>, see a redelivery handled once and a tampered copy rejected; and catch the
/// <see cref="InputErrors"/> of bad input. Each step prints one or two lines.
/// </summary>
public sealed class QuickstartFlow
{
    private const string EmulatorProjectId = "5656565656565656";
    private readonly QuickstartSettings _settings;

    public QuickstartFlow(QuickstartSettings settings) => _settings = settings ?? throw new ArgumentNullException(nameof(settings));

    /// <summary>Runs the quickstart, writing what it does to <paramref name="output"/>.</summary>
    public async Task RunAsync(TextWriter output, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        StarkBankEmulator? emulator = null;
        EmulatorAdminClient? admin = null;
        WebhookServer? endpoint = null;
        try
        {
            StarkBankClient client;
            if (_settings.UseSandbox)
            {
                output.WriteLine($"Stark Bank SDK quickstart against the real sandbox, as project {_settings.ProjectId}.");
                output.WriteLine("Skipping the emulator-only steps: starting the emulator, registering a key, paying an invoice and receiving its webhook.");
                client = new StarkBankClient(new StarkClientOptions
                {
                    User = new Project(StarkEnvironment.Sandbox, _settings.ProjectId!, _settings.PrivateKeyPem!),
                    BaseUrl = _settings.SandboxUrl,
                });
            }
            else
            {
                var keys = Key.Create();
                Uri baseUrl;
                if (_settings.EmulatorUrl is { } url)
                {
                    output.WriteLine($"Stark Bank SDK quickstart against the standalone emulator at {url} (STARKBANK_BASE_URL).");
                    admin = new EmulatorAdminClient(url);
                    await admin.RegisterPublicKeyAsync("project/" + EmulatorProjectId, keys.PublicPem, cancellationToken);
                    output.WriteLine($"1. Using the emulator running at {url}.");
                    baseUrl = url;
                }
                else
                {
                    output.WriteLine("Stark Bank SDK quickstart against the embedded emulator (set STARKBANK_ENVIRONMENT=sandbox, STARKBANK_PROJECT_ID and STARKBANK_PRIVATE_KEY to use the real sandbox, or STARKBANK_BASE_URL to use a running stark-emulator).");
                    emulator = await StarkBankEmulator.StartAsync(new EmulatorOptions(), cancellationToken);
                    emulator.RegisterPublicKey("project/" + EmulatorProjectId, keys.PublicPem);
                    output.WriteLine($"1. Emulator running at {emulator.BaseUrl}.");
                    baseUrl = new Uri(emulator.BaseUrl);
                }
                output.WriteLine($"2. Created a secp256k1 key pair and registered its public key for project/{EmulatorProjectId}.");
                client = new StarkBankClient(new StarkClientOptions
                {
                    User = new Project(StarkEnvironment.Sandbox, EmulatorProjectId, keys.PrivatePem),
                    BaseUrl = baseUrl,
                });
            }

            var created = await CreateInvoicesAsync(client, output, cancellationToken);
            await ListInvoicesAsync(client, output, created, cancellationToken);
            // Server-set fields (Id, Status, ...) are nullable: a new object has none until the API answers.
            var invoice = await GetAndSavePdfAsync(client, output, created[0].Id!, cancellationToken);

            if (emulator != null || admin != null)
            {
                endpoint = await WebhookServer.StartAsync(client, cancellationToken);
                var webhook = await client.Webhooks.CreateAsync(new Webhook { Url = endpoint.Url, Subscriptions = new List<EventSubscription> { EventSubscription.Invoice } }, cancellationToken: cancellationToken);
                output.WriteLine($"6. Registered webhook {webhook.Id} for invoice events at {endpoint.Url}.");
                if (emulator != null)
                    await emulator.PayInvoiceAsync(invoice.Id!, cancellationToken: cancellationToken);
                else
                    await admin!.PayInvoiceAsync(invoice.Id!, cancellationToken: cancellationToken);
                output.WriteLine($"7. Paid invoice {invoice.Id} in the emulator, as a customer paying its Pix QR code would.");
                ReportWebhooks(output, endpoint);
                if (emulator != null)
                    await ShowRedeliveryAndTamperedCopyAsync(emulator, output, endpoint, cancellationToken);
                else
                    output.WriteLine("   (The redelivery and tampered-copy demonstration needs the embedded emulator's delivery log.)");
            }
            else
            {
                output.WriteLine("6-8. Skipped (emulator only): paying the invoice and receiving its signed webhook; in the sandbox, pay it from the web banking and point a webhook at a public URL.");
            }

            await ShowInputErrorsAsync(client, output, cancellationToken);
            output.WriteLine($"Done in {watch.Elapsed.TotalSeconds:0.0} s.");
        }
        finally
        {
            if (endpoint != null)
                await endpoint.DisposeAsync();
            if (emulator != null)
                await emulator.DisposeAsync();
            admin?.Dispose();
        }
    }

    private static async Task<IReadOnlyList<Invoice>> CreateInvoicesAsync(StarkBankClient client, TextWriter output, CancellationToken cancellationToken)
    {
        var customers = new[] { ("Arya Stark", "012.345.678-90", 10_000L), ("Jon Snow", "594.739.480-42", 25_050L), ("Iron Bank S.A.", "20.018.183/0001-80", 1_000_000L) };
        var created = await client.Invoices.CreateAsync(
            customers.Select(c => new Invoice { Name = c.Item1, TaxId = c.Item2, Amount = c.Item3, Tags = new List<string> { "quickstart" } }),
            cancellationToken: cancellationToken);
        output.WriteLine($"3. Created {created.Count} invoices: {string.Join(", ", created.Select(i => $"{i.Id} {i.Name} {Money(i.Amount)}"))}.");
        return created;
    }

    private static async Task ListInvoicesAsync(StarkBankClient client, TextWriter output, IReadOnlyList<Invoice> created, CancellationToken cancellationToken)
    {
        var ids = created.Select(i => i.Id).ToHashSet();
        var listed = 0;
        long total = 0;
        // QueryAsync fetches pages of up to 100 as the loop asks for more, following the cursor to the last page.
        await foreach (var invoice in client.Invoices.QueryAsync(new InvoiceQueryOptions { Tags = new[] { "quickstart" }, Status = InvoiceStatus.Created }, cancellationToken: cancellationToken))
        {
            if (ids.Contains(invoice.Id))
            {
                listed++;
                total += invoice.Amount;
            }
        }
        output.WriteLine($"4. Listed {listed} invoices tagged 'quickstart' with auto-paging, {Money(total)} in all.");
    }

    private async Task<Invoice> GetAndSavePdfAsync(StarkBankClient client, TextWriter output, string id, CancellationToken cancellationToken)
    {
        var invoice = await client.Invoices.GetAsync(id, cancellationToken: cancellationToken);
        var pdf = await client.Invoices.GetPdfAsync(id, cancellationToken: cancellationToken);
        Directory.CreateDirectory(_settings.OutputDirectory);
        var path = Path.Combine(_settings.OutputDirectory, $"invoice-{id}.pdf");
        await File.WriteAllBytesAsync(path, pdf, cancellationToken);
        output.WriteLine($"5. Got invoice {invoice.Id} ({invoice.Status}, due {invoice.Due:yyyy-MM-dd}) and saved its PDF to {path} ({pdf.Length} bytes).");
        return invoice;
    }

    private static void ReportWebhooks(TextWriter output, WebhookServer endpoint)
    {
        // The emulator delivers webhooks before the call that caused them returns, so they are all here already.
        var events = endpoint.InvoiceEvents.ToList();
        output.WriteLine($"8. The webhook endpoint received {events.Count} signed events; app.MapStarkBankWebhook verified each against its raw body and called the InvoiceEvent handler:");
        foreach (var evt in events)
        {
            if (evt.Log?.Invoice is { } logged)
                output.WriteLine($"   event {evt.Id}: invoice {logged.Id} {evt.Log.Type} (status {logged.Status}, {Money(logged.Amount)})");
        }
    }

    private static async Task ShowRedeliveryAndTamperedCopyAsync(StarkBankEmulator emulator, TextWriter output, WebhookServer endpoint, CancellationToken cancellationToken)
    {
        // Stark delivers an event again when it got no 2xx; the endpoint acknowledges it without calling the handler twice.
        var first = emulator.WebhookDeliveries.First();
        var handled = endpoint.InvoiceEvents.Count;
        var again = await PostAsync(endpoint.Url, first.Body, first.Signature, cancellationToken);
        output.WriteLine($"   Delivered again, event {first.EventId} was answered HTTP {again} and the handler did {(endpoint.InvoiceEvents.Count == handled ? "not run twice" : "run twice: this should never happen")}.");

        var tampered = first.Body.Replace("\"amount\":", "\"amount\":1", StringComparison.Ordinal);
        var status = await PostAsync(endpoint.Url, tampered, first.Signature, cancellationToken);
        output.WriteLine(status == 400 && endpoint.InvoiceEvents.Count == handled
            ? "   A tampered copy of the first one was rejected: InvalidSignatureError, answered HTTP 400 without calling the handler."
            : $"   A tampered copy was answered HTTP {status}: this should never happen.");
    }

    private static async Task<int> PostAsync(string url, string body, string signature, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Digital-Signature", signature);
        using var response = await http.SendAsync(request, cancellationToken);
        return (int)response.StatusCode;
    }

    private static async Task ShowInputErrorsAsync(StarkBankClient client, TextWriter output, CancellationToken cancellationToken)
    {
        try
        {
            // A negative amount: the compiler insists that every required field is set, the API checks the values.
            await client.Invoices.CreateAsync(new Invoice { Amount = -100, Name = "Arya Stark", TaxId = "012.345.678-90" }, cancellationToken: cancellationToken);
            output.WriteLine("9. An invoice with a negative amount was accepted: this should never happen.");
        }
        catch (InputErrors e)
        {
            output.WriteLine($"9. Bad input raises InputErrors (HTTP {e.StatusCode}) listing every problem:");
            foreach (var error in e.Errors)
                output.WriteLine($"   {error.Code}: {error.Message}");
        }
    }

    private static string Money(long cents) => $"R$ {cents / 100m:N2}";
}
