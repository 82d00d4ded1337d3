using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using StarkSdk.Core.Tests.Infrastructure;

namespace StarkSdk.Core.Tests.Http;

public class PipelineTests : ServerTest
{
    public sealed class Invoice
    {
        public string? Id { get; set; }
        public long Amount { get; set; }
        public DateTimeOffset? Created { get; set; }
    }

    [Test]
    public async Task SendAsyncReturnsTheValueUnderTheResponseKeyAndIgnoresUnknownFields()
    {
        Server.Enqueue(ScriptedResponse.Ok("{\"message\":\"ok\",\"extra\":{\"deep\":[1,{\"x\":null}]},\"invoice\":{\"id\":\"1\",\"amount\":-5,\"created\":\"2020-10-23T19:36:59.799815+00:00\",\"newField\":true},\"more\":1}"));
        var invoice = await Pipeline().SendAsync<Invoice>(new ApiRequest(HttpMethod.Get, "invoice/1"), "invoice", null, CancellationToken.None);
        Assert.That(invoice.Id, Is.EqualTo("1"));
        Assert.That(invoice.Amount, Is.EqualTo(-5));
        Assert.That(invoice.Created, Is.EqualTo(new DateTimeOffset(2020, 10, 23, 19, 36, 59, TimeSpan.Zero).AddTicks(7998150)));
    }

    [Test]
    public async Task SendAsyncWithoutKeyReturnsTheWholeBody()
    {
        Server.Enqueue(ScriptedResponse.Ok("{\"id\":\"9\",\"amount\":1}"));
        var invoice = await Pipeline().SendAsync<Invoice>(new ApiRequest(HttpMethod.Get, "thing"), null, null, CancellationToken.None);
        Assert.That(invoice.Id, Is.EqualTo("9"));
    }

    [TestCase("{\"other\":1}", "has no 'invoice'")]
    [TestCase("<html>oops</html>", "not the expected JSON")]
    [TestCase("", "not the expected JSON")]
    [TestCase("{\"invoice\":{\"id\":\"1\"}", "not the expected JSON")]
    [TestCase("{\"invoice\":null}", "has no 'invoice'")]
    public void AnUnexpected2xxBodyIsUnknownError(string body, string expected)
    {
        // Every attempt gets it: a malformed 2xx body on a GET is retried, then reported.
        Server.Fallback = _ => ScriptedResponse.Ok(body);
        var error = Assert.ThrowsAsync<UnknownError>(() => Pipeline().SendAsync<Invoice>(new ApiRequest(HttpMethod.Get, "invoice/1"), "invoice", null, CancellationToken.None))!;
        Assert.That(error.StatusCode, Is.EqualTo(200));
        Assert.That(error.Message, Does.StartWith("GET /v2/invoice/1 → 200").And.Contain(expected));
    }

    [Test]
    public async Task SendSingleAsyncReturnsTheOnlyItemOfTheList()
    {
        Server.Enqueue(ScriptedResponse.Ok("{\"cursor\":null,\"balances\":[{\"id\":\"5\",\"amount\":990000}]}"));
        var balance = await Pipeline().SendSingleAsync<Invoice>(new ApiRequest(HttpMethod.Get, "balance"), "balances", null, CancellationToken.None);
        Assert.That(balance.Id, Is.EqualTo("5"));
        Assert.That(balance.Amount, Is.EqualTo(990000));
    }

    [TestCase("{\"balances\":[]}", "'balances' list holds no item")]
    [TestCase("{\"balances\":[null]}", "'balances' list holds no item")]
    [TestCase("{\"other\":[]}", "has no 'balances'")]
    [TestCase("{\"balances\":{\"id\":\"5\"}}", "not the expected JSON")]
    public void SendSingleAsyncRejectsAListWithoutItemAsUnknownError(string body, string expected)
    {
        Server.Fallback = _ => ScriptedResponse.Ok(body);
        var error = Assert.ThrowsAsync<UnknownError>(() => Pipeline().SendSingleAsync<Invoice>(new ApiRequest(HttpMethod.Get, "balance"), "balances", null, CancellationToken.None))!;
        Assert.That(error.StatusCode, Is.EqualTo(200));
        Assert.That(error.Message, Does.StartWith("GET /v2/balance → 200").And.Contain(expected));
    }

    [Test]
    public void InputErrorsCarryMethodPathAndDetails()
    {
        Server.Enqueue(ScriptedResponse.Status400("{\"errors\":[{\"code\":\"invalidAmount\",\"message\":\"Amount must be positive\"}]}"));
        var request = new ApiRequest(HttpMethod.Post, "invoice") { Body = new JsonEnvelope("invoices", new[] { new Invoice { Amount = -1 } }) };
        var error = Assert.ThrowsAsync<InputErrors>(() => Pipeline().SendAsync<List<Invoice>>(request, "invoices", null, CancellationToken.None))!;
        Assert.That(error.Message, Is.EqualTo("POST /v2/invoice → 400: invalidAmount: Amount must be positive"));
        Assert.That(error.Errors.Single().Code, Is.EqualTo("invalidAmount"));
        Assert.That(error.RawBody, Does.Contain("invalidAmount"));
    }

    [Test]
    public void Status500IsInternalServerError()
    {
        Server.Enqueue(new ScriptedResponse { Status = 500, Json = "{\"errors\":[]}" });
        var request = new ApiRequest(HttpMethod.Post, "invoice") { Body = new { a = 1 } };
        Assert.ThrowsAsync<InternalServerError>(() => Pipeline().SendAsync<object>(request, "x", null, CancellationToken.None));
        Assert.That(Server.Requests, Has.Count.EqualTo(1), "POST is never retried");
    }

    [Test]
    public async Task GetBytesAndGetStreamReturnBinaryBodies()
    {
        var pdf = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 7)).ToArray();
        Server.Fallback = _ => new ScriptedResponse { Bytes = pdf, ContentType = "application/pdf" };
        var bytes = await Pipeline().GetBytesAsync(new ApiRequest(HttpMethod.Get, "invoice/1/pdf"), null, CancellationToken.None);
        Assert.That(bytes, Is.EqualTo(pdf));

        await using var stream = await Pipeline().GetStreamAsync(new ApiRequest(HttpMethod.Get, "invoice/1/pdf"), null, CancellationToken.None);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        Assert.That(copy.ToArray(), Is.EqualTo(pdf));
    }

    [Test]
    public void BinaryErrorsAreTypedToo()
    {
        Server.Enqueue(new ScriptedResponse { Status = 404, Json = "{\"errors\":[{\"code\":\"notFound\",\"message\":\"no\"}]}" });
        var error = Assert.ThrowsAsync<UnknownError>(() => Pipeline().GetStreamAsync(new ApiRequest(HttpMethod.Get, "invoice/1/pdf"), null, CancellationToken.None))!;
        Assert.That(error.StatusCode, Is.EqualTo(404));
    }

    [Test]
    public void ATimeoutIsUnknownErrorNotTaskCanceled()
    {
        Server.Fallback = _ => new ScriptedResponse { Hang = true };
        var options = TestData.Options(Server, User);
        options.Timeout = TimeSpan.FromMilliseconds(300);
        var error = Assert.ThrowsAsync<UnknownError>(() => Pipeline(options).SendAsync<object>(new ApiRequest(HttpMethod.Post, "slow") { Body = new { a = 1 } }, "x", null, CancellationToken.None))!;
        Assert.That(error.Message, Does.Contain("POST /v2/slow").And.Contain("timed out after 0.3 s"));
        Assert.That(error.StatusCode, Is.EqualTo(0));
    }

    [Test]
    public void APerCallTimeoutOverridesTheClientOne()
    {
        Server.Fallback = _ => new ScriptedResponse { Hang = true };
        var options = TestData.Options(Server, User);
        options.Timeout = TimeSpan.FromHours(1);
        options.Retry.MaxRetries = 0;
        var error = Assert.ThrowsAsync<UnknownError>(() => Pipeline(options).SendRawAsync(new ApiRequest(HttpMethod.Get, "slow"), new RequestOptions { Timeout = TimeSpan.FromMilliseconds(200) }, CancellationToken.None))!;
        Assert.That(error.Message, Does.Contain("timed out after 0.2 s"));
    }

    [Test]
    public void TheCallersCancellationPropagatesAsOperationCanceled()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Server.Fallback = _ => new ScriptedResponse { OnArrival = () => arrived.TrySetResult(), Hang = true };
        using var cts = new CancellationTokenSource();
        var call = Pipeline().SendAsync<object>(new ApiRequest(HttpMethod.Get, "slow"), "x", null, cts.Token);
        arrived.Task.ContinueWith(_ => cts.Cancel(), TaskScheduler.Default);
        Assert.That(async () => await call, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(Server.Arrivals, Is.EqualTo(1), "a cancelled GET is not retried");
    }

    [Test]
    public void AnAlreadyCancelledTokenSendsNothing()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.That(async () => await Pipeline().SendAsync<object>(new ApiRequest(HttpMethod.Get, "x"), "x", null, cts.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(Server.Requests, Is.Empty);
    }

    [Test]
    public void ATransportFailureIsUnknownError()
    {
        var options = TestData.Options(Server, User);
        options.BaseUrl = new Uri("http://127.0.0.1:1/");
        var error = Assert.ThrowsAsync<UnknownError>(() => Pipeline(options).SendRawAsync(new ApiRequest(HttpMethod.Post, "x") { Body = new { } }, null, CancellationToken.None))!;
        Assert.That(error.Message, Does.StartWith("POST /v2/x → transport failure"));
        Assert.That(error.StatusCode, Is.EqualTo(0));
    }

    [Test]
    public async Task BaseUrlOverrideKeepsAPathPrefixForProxies()
    {
        var options = TestData.Options(Server, User);
        options.BaseUrl = new Uri(Server.BaseUrl, "proxy/stark");
        await Pipeline(options).SendRawAsync(new ApiRequest(HttpMethod.Get, "invoice"), null, CancellationToken.None);
        Assert.That(Server.Single().Path, Is.EqualTo("/proxy/stark/v2/invoice"));
    }

    [Test]
    public void TheEnvironmentPicksTheBaseUrl()
    {
        var pipeline = StarkPipeline.Create(TestData.Api, new StarkClientOptions());
        var request = new ApiRequest(HttpMethod.Get, "invoice");
        request.Query.Add("status", "paid");
        Assert.That(pipeline.BuildUri(TestData.Project(), request).AbsoluteUri, Is.EqualTo("https://sandbox.api.example.invalid/v2/invoice?status=paid"));
        var production = new Project(StarkEnvironment.Production, "1", TestData.DocsKey);
        Assert.That(pipeline.BuildUri(production, request).AbsoluteUri, Is.EqualTo("https://api.example.invalid/v2/invoice?status=paid"));
    }

    [Test]
    public void RedirectsAreNotFollowed()
    {
        Server.Enqueue(new ScriptedResponse { Status = 302, Headers = { ["Location"] = Server.BaseUrl + "elsewhere" } });
        var error = Assert.ThrowsAsync<UnknownError>(() => Pipeline().SendRawAsync(new ApiRequest(HttpMethod.Get, "x"), null, CancellationToken.None))!;
        Assert.That(error.StatusCode, Is.EqualTo(302));
        Assert.That(error.Message, Does.Contain("redirect"));
        Assert.That(Server.Single().Path, Is.EqualTo("/v2/x"), "signed headers were not replayed to the redirect target");
    }

    [Test]
    public void AResponseFromAFollowedRedirectIsRefused()
    {
        // A misconfigured custom transport that follows redirects: the pipeline must not trust what comes back.
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = true });
        var pipeline = new StarkPipeline(http, TestData.Api, TestData.Options(Server, User));
        Server.Enqueue(new ScriptedResponse { Status = 302, Headers = { ["Location"] = Server.BaseUrl + "v2/elsewhere" } });
        Server.Enqueue(ScriptedResponse.Ok("{\"x\":1}"));
        var error = Assert.ThrowsAsync<UnknownError>(() => pipeline.SendAsync<int>(new ApiRequest(HttpMethod.Get, "x"), "x", null, CancellationToken.None))!;
        Assert.That(error.Message, Does.Contain("redirect"));
    }

    [Test]
    public void TheSharedTransportPoolsConnectionsWithALifetimeAndNeverRedirects()
    {
        using var transport = TransportSettings.CreateTransport();
        Assert.That(transport.GetType().Name, Is.EqualTo("SocketsHttpHandler"));
        Assert.That(transport.GetType().GetProperty("PooledConnectionLifetime")!.GetValue(transport), Is.EqualTo(TimeSpan.FromMinutes(5)));
        Assert.That(transport.GetType().GetProperty("AllowAutoRedirect")!.GetValue(transport), Is.False);
        Assert.That(transport.GetType().GetProperty("UseCookies")!.GetValue(transport), Is.False);
    }

    [Test]
    public void CreateSharesOneHttpClient()
    {
        var a = StarkPipeline.Create(TestData.Api, new StarkClientOptions());
        var b = StarkPipeline.Create(TestData.Api, new StarkClientOptions { User = TestData.Project("2") });
        Assert.That(a.HttpClient, Is.SameAs(b.HttpClient));
    }

    [Test]
    public void OptionsAreValidated()
    {
        Assert.Throws<ArgumentException>(() => StarkPipeline.Create(TestData.Api, new StarkClientOptions { BaseUrl = new Uri("/relative", UriKind.Relative) }));
        Assert.Throws<ArgumentException>(() => StarkPipeline.Create(TestData.Api, new StarkClientOptions { Language = "xx" }));
        Assert.Throws<ArgumentOutOfRangeException>(() => StarkPipeline.Create(TestData.Api, new StarkClientOptions { Timeout = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => StarkPipeline.Create(TestData.Api, new StarkClientOptions { AttemptTimeout = TimeSpan.FromSeconds(-1) }));
        Assert.That(new StarkClientOptions().Timeout, Is.EqualTo(TimeSpan.FromSeconds(60)));
        Assert.That(new StarkClientOptions().AttemptTimeout, Is.EqualTo(TimeSpan.FromSeconds(15)));
    }
}
