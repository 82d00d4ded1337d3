using System;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace StarkSdk.Emulator;

/// <summary>
/// Drives an emulator that runs in another process (the <c>stark-emulator</c> command, a container) through its admin
/// API under <c>/emulator</c>: what <see cref="StarkBankEmulator"/>'s methods do in-process. The admin API takes no
/// signature, which is why the emulator listens on loopback by default.
/// </summary>
public sealed class EmulatorAdminClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;

    /// <summary>A client of the emulator at <paramref name="baseUrl"/> (e.g. <c>http://127.0.0.1:8080</c>).</summary>
    /// <param name="baseUrl">The emulator's root URL.</param>
    /// <param name="http">An HttpClient to use (not disposed by this client); null for a new one.</param>
    public EmulatorAdminClient(Uri baseUrl, HttpClient? http = null)
    {
        BaseUrl = baseUrl ?? throw new ArgumentNullException(nameof(baseUrl));
        _ownsHttp = http == null;
        _http = http ?? new HttpClient();
    }

    /// <summary>The emulator's root URL.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Accepts requests signed for <paramref name="accessId"/> with the private key of <paramref name="publicKeyPem"/>.</summary>
    /// <exception cref="EmulatorAdminException">The emulator refused it.</exception>
    public Task RegisterPublicKeyAsync(string accessId, string publicKeyPem, CancellationToken cancellationToken = default) =>
        PostAsync("keys", new JObject { ["accessId"] = accessId, ["publicKey"] = publicKeyPem }, cancellationToken);

    /// <summary>Pays an invoice as the sandbox does (see <see cref="StarkBankEmulator.PayInvoiceAsync"/>).</summary>
    /// <param name="invoiceId">The invoice.</param>
    /// <param name="amount">The amount paid in cents; null for the invoice's amount.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The invoice's status after the payment.</returns>
    /// <exception cref="EmulatorAdminException">The emulator refused it.</exception>
    public async Task<string?> PayInvoiceAsync(string invoiceId, long? amount = null, CancellationToken cancellationToken = default)
    {
        var body = amount is { } a ? new JObject { ["amount"] = a } : new JObject();
        var result = await PostAsync("invoice/" + Uri.EscapeDataString(invoiceId) + "/pay", body, cancellationToken).ConfigureAwait(false);
        return (string?)result["invoice"]?["status"];
    }

    /// <summary>Forgets every entity and webhook delivery (registered keys stay).</summary>
    /// <exception cref="EmulatorAdminException">The emulator refused it.</exception>
    public Task ResetAsync(CancellationToken cancellationToken = default) => PostAsync("reset", new JObject(), cancellationToken);

    private async Task<JObject> PostAsync(string route, JObject body, CancellationToken cancellationToken)
    {
        using var content = new StringContent(body.ToString(Formatting.None), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri(BaseUrl, "/emulator/" + route), content, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        JObject? json;
        try
        {
            json = text.Length > 0 ? JObject.Parse(text) : new JObject();
        }
        catch (JsonReaderException)
        {
            json = null;
        }
        if (!response.IsSuccessStatusCode || json == null)
            throw new EmulatorAdminException((int)response.StatusCode, (string?)json?["errors"]?[0]?["code"], text);
        return json;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp)
            _http.Dispose();
    }
}

/// <summary>The emulator's admin API refused a call.</summary>
public sealed class EmulatorAdminException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EmulatorAdminException(int statusCode, string? code, string body)
        : base($"The emulator answered {statusCode}{(code != null ? " " + code : "")}: {body}")
    {
        StatusCode = statusCode;
        Code = code;
    }

    /// <summary>The HTTP status.</summary>
    public int StatusCode { get; }

    /// <summary>The first error code of the envelope, if any.</summary>
    public string? Code { get; }
}
