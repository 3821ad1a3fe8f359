using Literacy.Data;
using Literacy.Jobs.Recurring;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Literacy.Testing;

/// <summary>A site that sends its email to a real SMTP server of its own, retrying every second.</summary>
public class MailSite : PlatformFactory, IAsyncLifetime
{
    public MailSite(DatabaseProvider provider, ManualClock? clock = null)
        : base(TestDatabase.Create(provider)) => Clock = clock;

    public SmtpSink Mail { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Mail = await SmtpSink.StartAsync();
        foreach (var (key, value) in Mail.Settings)
        {
            Settings[key] = value;
        }

        for (var i = 0; i < 30; i++)
        {
            Settings[$"Jobs:RetryDelays:{i}"] = "00:00:01";
        }
    }

    /// <summary>Runs a module's recurring job now, as Hangfire would on its schedule; false if its feature is off.</summary>
    public async Task<bool> RunJobAsync(string jobId)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RecurringJobRunner>().RunAsync(jobId, CancellationToken.None);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Mail.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
