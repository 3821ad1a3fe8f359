using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Literacy.Testing;

/// <summary>Keeps what the platform logs, so a test can read it as an operator would (e.g. a password-reset link).</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Text)> _lines = new();

    public IEnumerable<string> Lines => _lines.Select(l => l.Text);

    /// <summary>The lines logged at <paramref name="level"/> or above.</summary>
    public IEnumerable<string> From(LogLevel level) => _lines.Where(l => l.Level >= level).Select(l => l.Text);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._lines.Enqueue((logLevel, $"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}" + (exception is null ? string.Empty : " " + exception)));
    }
}
