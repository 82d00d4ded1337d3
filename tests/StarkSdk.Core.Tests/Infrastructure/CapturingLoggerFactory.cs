using System;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace StarkSdk.Core.Tests.Infrastructure;

/// <summary>Keeps every formatted log line (with its exception text) for inspection.</summary>
public sealed class CapturingLoggerFactory : ILoggerFactory
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public string AllText => string.Join("\n", Lines);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger : ILogger
    {
        private readonly CapturingLoggerFactory _owner;
        private readonly string _category;

        public Logger(CapturingLoggerFactory owner, string category)
        {
            _owner = owner;
            _category = category;
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            _owner.Lines.Enqueue($"{logLevel} {_category} {formatter(state, exception)} {exception}");
        }
    }
}
