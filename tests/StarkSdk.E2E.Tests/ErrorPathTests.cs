using System.Threading;
using Newtonsoft.Json.Linq;

namespace StarkSdk.E2E.Tests;

/// <summary>
/// What the SDK does when things go wrong: input errors, server errors, bad signatures, bodies that are not JSON, a newer
/// API's unknown values, and a connection dropped in the middle of paging. Faults come from a loopback proxy in front of
/// the emulator (<see cref="LoopbackProxy"/>); retries wait about a millisecond, so nothing sleeps.
/// </summary>
[TestFixture(Target.Emulator)]
public sealed class ErrorPathTests(Target target) : E2ETest(target)
{
    private LoopbackProxy _proxy = null!;
    private StarkBankClient _viaProxy = null!;

    [SetUp]
    public async Task StartProxy()
    {
        _proxy = await LoopbackProxy.StartAsync(Emulator.BaseUri);
        _viaProxy = NewClient(_proxy.Url);
    }

    [TearDown]
    public async Task StopProxy() => await _proxy.DisposeAsync();

    private int Received(string method, string pathPrefix) => _proxy.Received.Count(r => r.Method == method && r.Path.StartsWith(pathPrefix, StringComparison.Ordinal));

    [Test]
    public void A_400_reports_every_input_error_with_its_code_and_path()
    {
        var badAmount = Samples.Invoice(-5);
        var tooManyDiscounts = Samples.Invoice(1_000);
        tooManyDiscounts.Discounts = Enumerable.Range(1, 6).Select(i => new InvoiceDiscount { Percentage = i, Due = DateTimeOffset.UtcNow.AddHours(i) }).ToList();
        var tooManyDescriptions = Samples.Invoice(1_000);
        tooManyDescriptions.Descriptions = Enumerable.Range(1, 16).Select(i => new InvoiceDescription { Key = "line " + i }).ToList();

        var error = Assert.ThrowsAsync<InputErrors>(() => Client.Invoices.CreateAsync(new[] { badAmount, tooManyDiscounts, tooManyDescriptions }))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.StatusCode, Is.EqualTo(400));
            Assert.That(error.Errors.Select(e => e.Code), Is.EquivalentTo(new[] { "invalidAmount", "invalidDiscounts", "invalidDescriptions" }));
            Assert.That(error.Errors.Select(e => e.Message), Has.Some.StartsWith("invoices[0].amount"));
            Assert.That(error.Errors.Select(e => e.Message), Has.Some.StartsWith("invoices[1].discounts"));
            Assert.That(error.Errors.Select(e => e.Message), Has.Some.StartsWith("invoices[2].descriptions"));
            Assert.That(error.Method, Is.EqualTo("POST"));
            Assert.That(error.Path, Is.EqualTo("/v2/invoice"));
            Assert.That(error.Message, Does.Contain("invalidAmount").And.Contain("invalidDiscounts"));
            Assert.That(Emulator.All("invoice"), Is.Empty, "nothing of a rejected batch is created");
        });
    }

    [Test]
    public void Business_rule_errors_are_input_errors_too()
    {
        var badTaxId = Samples.Invoice();
        badTaxId.TaxId = "123";

        var unknownId = Assert.ThrowsAsync<InputErrors>(() => Client.Invoices.GetAsync("0000000000000000"))!;
        var taxId = Assert.ThrowsAsync<InputErrors>(() => Client.Invoices.CreateAsync(badTaxId))!;

        Assert.That(unknownId.Errors.Single().Code, Is.EqualTo("invalidInvoiceId"));
        Assert.That(taxId.Errors.Single().Code, Is.EqualTo("invalidTaxId"));
    }

    [Test]
    public async Task A_500_on_a_GET_is_retried_and_the_call_succeeds()
    {
        var invoice = await Client.Invoices.CreateAsync(Samples.Invoice());
        var failures = 2;
        _proxy.Rule = async (request, forward) =>
            request.Method == "GET" && Interlocked.Decrement(ref failures) >= 0
                ? ProxyResponse.Json(500, """{"errors":[{"code":"internalServerError","message":"Houston, we have a problem."}]}""")
                : await forward();

        var fetched = await _viaProxy.Invoices.GetAsync(invoice.Id);

        Assert.That(fetched.Id, Is.EqualTo(invoice.Id));
        Assert.That(Received("GET", "/v2/invoice/"), Is.EqualTo(3), "two 500s, then the answer");
    }

    [Test]
    public async Task A_500_that_persists_raises_InternalServerError_after_the_retries()
    {
        var invoice = await Client.Invoices.CreateAsync(Samples.Invoice());
        _proxy.Rule = (_, _) => Task.FromResult<ProxyResponse?>(ProxyResponse.Json(500, """{"errors":[{"code":"internalServerError","message":"Houston, we have a problem."}]}"""));

        var error = Assert.ThrowsAsync<InternalServerError>(() => _viaProxy.Invoices.GetAsync(invoice.Id))!;

        Assert.That(error.StatusCode, Is.EqualTo(500));
        Assert.That(error.RawBody, Does.Contain("Houston"));
        Assert.That(Received("GET", "/v2/invoice/"), Is.EqualTo(4), "the first attempt and 3 retries");
    }

    [Test]
    public void A_500_on_a_POST_is_not_retried()
    {
        _proxy.Rule = async (request, forward) => request.Method == "POST"
            ? ProxyResponse.Json(500, """{"errors":[{"code":"internalServerError","message":"Houston, we have a problem."}]}""")
            : await forward();

        Assert.ThrowsAsync<InternalServerError>(() => _viaProxy.Transfers.CreateAsync(Samples.Transfer()));

        Assert.That(Received("POST", "/v2/transfer"), Is.EqualTo(1), "a retried POST could move money twice");
    }

    [Test]
    public async Task A_connection_dropped_on_a_POST_is_not_retried()
    {
        _proxy.Rule = async (request, forward) =>
        {
            var answer = await forward();
            return request.Method == "POST" ? null : answer;
        };

        var error = Assert.ThrowsAsync<UnknownError>(() => _viaProxy.Transfers.CreateAsync(Samples.Transfer()))!;

        Assert.That(error.StatusCode, Is.EqualTo(0), "no response");
        Assert.That(Received("POST", "/v2/transfer"), Is.EqualTo(1));
        Assert.That((await Client.Transfers.QueryAsync().ToListAsync()), Has.Count.EqualTo(1), "the server did create it: only the caller can decide to resend");
    }

    [Test]
    public void A_wrong_signature_is_refused_by_the_api()
    {
        var impostor = NewClient(user: new Project(StarkEnvironment.Sandbox, ProjectId, Key.Create().PrivatePem));
        var stranger = NewClient(user: new Project(StarkEnvironment.Sandbox, "1234567890123456", Key.Create().PrivatePem));

        var wrongKey = Assert.ThrowsAsync<InputErrors>(() => impostor.Invoices.CreateAsync(Samples.Invoice()))!;
        var unknownId = Assert.ThrowsAsync<InputErrors>(() => stranger.Invoices.QueryAsync().ToListAsync().AsTask())!;

        Assert.That(wrongKey.Errors.Single().Code, Is.EqualTo("invalidSignature"));
        Assert.That(unknownId.Errors.Single().Code, Is.EqualTo("invalidAccessId"));
        Assert.That(Emulator.All("invoice"), Is.Empty);
    }

    [Test]
    public async Task A_body_that_is_not_json_raises_UnknownError_with_the_raw_body()
    {
        var invoice = await Client.Invoices.CreateAsync(Samples.Invoice());
        _proxy.Rule = async (request, forward) =>
        {
            var answer = await forward();
            if (request.Method == "GET")
                answer.Text = answer.Text[..(answer.Text.Length / 2)];
            return answer;
        };

        var truncated = Assert.ThrowsAsync<UnknownError>(() => _viaProxy.Invoices.GetAsync(invoice.Id))!;
        _proxy.Rule = (_, _) => Task.FromResult<ProxyResponse?>(new ProxyResponse { StatusCode = 400, ContentType = "text/html", Text = "<html>Bad gateway config</html>" });
        var html = Assert.ThrowsAsync<UnknownError>(() => _viaProxy.Invoices.GetAsync(invoice.Id))!;

        Assert.Multiple(() =>
        {
            Assert.That(truncated.StatusCode, Is.EqualTo(200));
            Assert.That(truncated.Message, Does.Contain("not the expected JSON"));
            Assert.That(truncated.RawBody, Does.StartWith("{\"invoice\""));
            Assert.That(html.StatusCode, Is.EqualTo(400));
            Assert.That(html.RawBody, Does.Contain("<html>"));
        });
    }

    [Test]
    public async Task Unknown_enum_values_and_extra_fields_from_a_newer_api_are_kept()
    {
        var invoice = await Client.Invoices.CreateAsync(Samples.Invoice());
        _proxy.Rule = async (request, forward) =>
        {
            var answer = await forward();
            if (request.Method != "GET")
                return answer;
            var json = JObject.Parse(answer.Text);
            foreach (var item in json.Descendants().OfType<JObject>().Where(o => o["status"] != null && o["amount"] != null).ToList())
            {
                item["status"] = "teleported";
                item["hologram"] = new JObject { ["enabled"] = true, ["colors"] = new JArray("blue") };
                item["discounts"] = new JArray(new JObject { ["percentage"] = 5, ["due"] = "2030-01-01T00:00:00+00:00", ["stackable"] = true });
            }
            answer.Text = json.ToString();
            return answer;
        };

        var fetched = await _viaProxy.Invoices.GetAsync(invoice.Id);
        var listed = await _viaProxy.Invoices.QueryAsync().ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(fetched.Status!.Value.Value, Is.EqualTo("teleported"));
            Assert.That(fetched.Status.Value.IsKnown, Is.False);
            Assert.That(fetched.Status, Is.Not.EqualTo(InvoiceStatus.Created));
            Assert.That(fetched.AdditionalData!["hologram"]["colors"]![0]!.ToString(), Is.EqualTo("blue"));
            Assert.That(fetched.Discounts!.Single().AdditionalData!["stackable"].Value<bool>(), Is.True);
            Assert.That(fetched.Amount, Is.EqualTo(invoice.Amount));
            Assert.That(listed.Single().Status!.Value.Value, Is.EqualTo("teleported"));
        });
    }

    [Test]
    public async Task An_event_of_an_unknown_subscription_parses_as_a_plain_event()
    {
        await Client.Invoices.CreateAsync(Samples.Invoice());
        _proxy.Rule = async (request, forward) =>
        {
            var answer = await forward();
            if (request.Method == "GET")
                answer.Text = answer.Text.Replace("\"subscription\":\"invoice\"", "\"subscription\":\"starship\"", StringComparison.Ordinal);
            return answer;
        };

        var events = await _viaProxy.Events.QueryAsync().ToListAsync();

        Assert.That(events.Single().GetType(), Is.EqualTo(typeof(Event)));
        Assert.That(events.Single().Subscription!.Value.Value, Is.EqualTo("starship"));
        Assert.That(events.Single().AdditionalData!.ContainsKey("log"), Is.True, "the log stays available as JSON");
    }

    [Test]
    public async Task A_connection_dropped_in_the_middle_of_paging_is_retried_without_losing_or_repeating_an_item()
    {
        var created = new List<Invoice>();
        foreach (var size in new[] { 100, 100, 50 })
            created.AddRange(await Client.Invoices.CreateAsync(Enumerable.Range(0, size).Select(i => Samples.Invoice(100 + i))));
        var dropped = 0;
        _proxy.Rule = async (request, forward) =>
        {
            // The first request for page 2 (the first one with a cursor) loses its connection mid-request.
            if (request.Method == "GET" && request.Query.Contains("cursor=", StringComparison.Ordinal) && Interlocked.Exchange(ref dropped, 1) == 0)
                return null;
            return await forward();
        };

        var listed = await _viaProxy.Invoices.QueryAsync().ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(dropped, Is.EqualTo(1), "the fault was injected");
            Assert.That(listed, Has.Count.EqualTo(250));
            Assert.That(listed.Select(i => i.Id).Distinct().Count(), Is.EqualTo(250), "no item repeated");
            Assert.That(listed.Select(i => i.Id), Is.EquivalentTo(created.Select(i => i.Id)), "no item lost");
            Assert.That(Received("GET", "/v2/invoice"), Is.EqualTo(4), "3 pages and the retry of page 2");
            Assert.That(Calls.Calls.Count(c => c.OperationId == "queryInvoices" && c.Failure != null), Is.EqualTo(1), "the SDK saw one transport failure");
        });
    }
}
