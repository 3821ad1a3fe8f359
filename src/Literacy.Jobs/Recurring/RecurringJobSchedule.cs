using Hangfire;
using Hangfire.Storage;
using Literacy.Modules.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Literacy.Jobs.Recurring;

/// <summary>At start-up, tells Hangfire about every module's recurring job and forgets jobs no module offers any more.</summary>
internal sealed class RecurringJobSchedule(IServiceScopeFactory scopes, IRecurringJobManager manager, JobStorage storage) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetServices<IRecurringJob>().ToList();
        foreach (var job in jobs)
        {
            var id = job.Id;
            manager.AddOrUpdate<RecurringJobRunner>(id, r => r.RunAsync(id, CancellationToken.None), job.Cron,
                new RecurringJobOptions { TimeZone = job.TimeZone });
        }

        using var connection = storage.GetConnection();
        foreach (var stale in connection.GetRecurringJobs().Where(r => jobs.All(j => j.Id != r.Id)))
        {
            manager.RemoveIfExists(stale.Id);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
