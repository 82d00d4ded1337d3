using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StarkSdk.Core.Tests.Infrastructure;

namespace StarkSdk.Core.Tests.Hosting;

/// <summary>
/// An application as `dotnet new worker` makes it: Host.CreateApplicationBuilder reading appsettings.json. The client comes
/// from configuration, and its logs and metrics reach the host's logging providers and meter factory.
/// </summary>
public class HostTests : ServerTest
{
    private string _contentRoot = null!;

    [SetUp]
    public void WriteAppSettings()
    {
        _contentRoot = Path.Combine(Path.GetTempPath(), "stark-host-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_contentRoot);
        var keyPath = Path.Combine(AppContext.BaseDirectory, "TestKeys", "test-docs-example-private.pem").Replace("\\", "\\\\");
        File.WriteAllText(Path.Combine(_contentRoot, "appsettings.json"), $$"""
            {
              "Logging": { "LogLevel": { "Default": "Warning", "StarkSdk": "Debug" } },
              "StarkBank": {
                "Environment": "Sandbox",
                "ProjectId": "5656565656565656",
                "PrivateKeyPath": "{{keyPath}}",
                "BaseUrl": "{{Server.BaseUrl}}",
                "Language": "pt-BR",
                "Timeout": "00:00:30",
                "Retry": { "MaxRetries": 2, "BaseDelay": "00:00:00", "MaxDelay": "00:00:00" }
              }
            }
            """);
    }

    [TearDown]
    public void DeleteAppSettings() => Directory.Delete(_contentRoot, recursive: true);

    [Test]
    public async Task AHostBuiltFromAppSettingsGetsAWorkingClientWhoseLogsAndMetricsReachTheHost()
    {
        var logs = new CapturingLoggerProvider();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _contentRoot, EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Services.AddStarkClient("StarkBank", builder.Configuration.GetSection("StarkBank"), (http, options) => new StarkPipeline(http, TestData.Api, options));
        using var host = builder.Build();
        var hostMeters = host.Services.GetRequiredService<IMeterFactory>();

        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only the instruments of the host's factory: a process-wide meter would not reach the host's exporters.
            if (instrument.Meter.Name == StarkDiagnostics.SourceName && ReferenceEquals(instrument.Meter.Scope, hostMeters))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((i, value, tags, _) => measurements.Enqueue((i.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.SetMeasurementEventCallback<long>((i, value, tags, _) => measurements.Enqueue((i.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();

        var pipeline = host.Services.GetRequiredService<StarkPipeline>();
        Assert.That(pipeline.Options.Language, Is.EqualTo("pt-BR"));
        Server.Enqueue(new ScriptedResponse { Status = 503 });
        Server.Enqueue(ScriptedResponse.Ok("{\"x\":9}"));
        Assert.That(await pipeline.SendAsync<int>(new ApiRequest(HttpMethod.Get, "x"), "x", null, CancellationToken.None), Is.EqualTo(9));
        Assert.That(Server.Requests.All(r => r.SignatureValid && r.Header("Accept-Language") == "pt-BR"), Is.True);

        var stark = logs.Entries.Where(e => e.Category == StarkDiagnostics.SourceName).ToList();
        Assert.That(stark.Select(e => e.EventId), Does.Contain(StarkLogEvents.RetryScheduled.Id).And.Contain(StarkLogEvents.RequestSucceeded.Id));
        Assert.That(stark.Single(e => e.EventId == StarkLogEvents.RequestSucceeded.Id).Message, Does.Contain("GET /v2/x → 200"));
        Assert.That(string.Join("\n", logs.Entries.Select(e => e.Message)), Does.Not.Contain(TestData.DocsKeyFragments[0]), "no key material");

        listener.RecordObservableInstruments();
        var durations = measurements.Where(m => m.Instrument == StarkMetricNames.RequestDuration).ToList();
        Assert.That(durations, Has.Count.EqualTo(2), "one per attempt");
        Assert.That(durations.Select(d => d.Tags["http.response.status_code"]), Is.EquivalentTo(new object[] { 503, 200 }));
        Assert.That(durations.All(d => (string?)d.Tags["http.request.method"] == "GET" && (string?)d.Tags["server.address"] == "127.0.0.1"), Is.True);
        Assert.That(measurements.Count(m => m.Instrument == StarkMetricNames.Retries), Is.EqualTo(1));
        Assert.That(measurements.Count(m => m.Instrument == StarkMetricNames.SignatureDuration), Is.EqualTo(2));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, LogLevel Level, int EventId, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Entries.Enqueue((category, logLevel, eventId.Id, formatter(state, exception)));
        }
    }
}
