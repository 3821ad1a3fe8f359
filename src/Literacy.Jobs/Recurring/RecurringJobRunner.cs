using Hangfire;
using Literacy.Modules.Features;
using Literacy.Modules.Jobs;
using Microsoft.Extensions.Logging;

namespace Literacy.Jobs.Recurring;

/// <summary>The Hangfire job behind every module's recurring job: runs it only while its feature is on.</summary>
public sealed class RecurringJobRunner(IEnumerable<IRecurringJob> jobs, SiteState site, ILogger<RecurringJobRunner> logger)
{
    /// <returns>False when the job's feature is off (or the job no longer exists), so nothing ran.</returns>
    [AutomaticRetry(Attempts = 0)] // the next run is the retry; a failure is in the log and the dashboard
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task<bool> RunAsync(string jobId, CancellationToken cancellationToken)
    {
        var job = jobs.FirstOrDefault(j => j.Id == jobId);
        if (job is null || !site.IsEnabled(job.FeatureId))
        {
            logger.LogInformation("Recurring job {JobId} skipped: its feature is off.", jobId);
            return false;
        }

        await job.RunAsync(cancellationToken);
        return true;
    }
}
