using Hangfire.AspNetCore;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;

namespace Literacy.Jobs;

/// <summary>
/// Hangfire's logs into the host's logging. Hangfire keeps one log provider for the whole process, so it can outlive the host
/// whose logging it writes to (the tests start and stop many hosts in one process): then it stays quiet instead of throwing.
/// </summary>
internal sealed class HostLogs(ILoggerFactory loggers) : ILogProvider
{
    private readonly AspNetCoreLogProvider inner = new(loggers);

    public ILog GetLogger(string name) => new QuietWhenGone(() => inner.GetLogger(name));

    private sealed class QuietWhenGone(Func<ILog> create) : ILog
    {
        private ILog? log;

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                log ??= create();
                return log.Log(logLevel, messageFunc!, exception!);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
