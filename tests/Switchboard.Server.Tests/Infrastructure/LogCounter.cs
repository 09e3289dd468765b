using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Switchboard.Server.Tests.Infrastructure;

/// <summary>
/// Counts the server's log events by event id, for a test that must show a path was taken (a race's losing side,
/// which leaves nothing else behind). Register with <see cref="AddTo"/> in <c>configureServices</c>.
/// </summary>
public sealed class LogCounter : ILoggerProvider
{
    readonly ConcurrentDictionary<int, int> counts = new();

    public int Count(int eventId) => counts.GetValueOrDefault(eventId);

    /// <summary>Counts from Information up, whatever the host's own filter (Warning in tests) lets the console see.</summary>
    public void AddTo(IServiceCollection services) => services.AddLogging(b => b.AddProvider(this).AddFilter<LogCounter>(null, LogLevel.Information));

    public ILogger CreateLogger(string categoryName) => new Counting(this);

    public void Dispose() { }

    sealed class Counting(LogCounter owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.counts.AddOrUpdate(eventId.Id, 1, static (_, n) => n + 1);
    }
}
