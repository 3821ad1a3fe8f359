using Hangfire;
using Hangfire.InMemory;
using Literacy.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Literacy.Jobs.Outbox;

/// <summary>
/// Hands due outbox rows to Hangfire. At start-up it first takes back what a stopped node left behind: everything queued
/// when the queue lived in this process's memory, and anything whose worker's lease ran out.
/// </summary>
internal sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IBackgroundJobClient jobs,
    JobStorage storage,
    SqliteWriteGate gate,
    OutboxSignal signal,
    TimeProvider clock,
    IOptions<JobsOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int Batch = 200;
    private static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // let the host finish starting
        await SweepAsync(atStart: true, stoppingToken);
        var nextSweep = clock.GetUtcNow() + SweepEvery;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchAsync(stoppingToken) == Batch)
                {
                }

                if (clock.GetUtcNow() >= nextSweep)
                {
                    await SweepAsync(atStart: false, stoppingToken);
                    nextSweep = clock.GetUtcNow() + SweepEvery;
                }

                if (await signal.WaitAsync(options.Value.PollInterval, stoppingToken))
                {
                    await Task.Delay(options.Value.Gather, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be briefly away; the rows wait for it.
                logger.LogWarning(e, "The outbox could not be read; trying again shortly.");
                await Task.Delay(options.Value.PollInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task<int> DispatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutboxDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Messages.AsNoTracking()
            .Where(m => m.State == OutboxState.Pending && m.DueUtc <= now)
            .OrderBy(m => m.Id).Select(m => m.Id).Take(Batch).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        // Enqueue first, then mark: a crash in between leaves a second job, which finds the work taken and stops. A job that
        // starts before the mark claims its rows all the same (from Pending), and the mark leaves them alone. The mark also
        // leaves alone a row that such a job already tried and put back for a retry (due later): marked Queued, it would
        // wait with no job until the sweep, minutes later.
        foreach (var rows in due.Chunk(PerJob(due.Count)))
        {
            jobs.Enqueue<OutboxDelivery>(d => d.DeliverAsync(rows, CancellationToken.None));
        }

        var until = now + QueuedFor;
        using var turn = await gate.EnterAsync(db);
        await db.Messages.Where(m => due.Contains(m.Id) && m.State == OutboxState.Pending && m.DueUtc <= now) // one commit for the batch
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Queued).SetProperty(m => m.LeaseUntilUtc, until), cancellationToken);
        return due.Count;
    }

    /// <summary>
    /// Rows per job: a few rows share a job (and a mail server connection), up to <see cref="MostPerJob"/>, but while there
    /// are fewer rows than that for each worker they are spread so every worker gets some.
    /// </summary>
    private int PerJob(int due) => Math.Clamp((due + options.Value.Workers - 1) / options.Value.Workers, 1, MostPerJob);

    private const int MostPerJob = 20;

    /// <summary>
    /// A queued job normally starts within seconds; one still waiting after this was lost (its node died, or the job failed
    /// before it could record anything) and is queued again. A second job for a row is harmless: only one can claim it.
    /// </summary>
    private static readonly TimeSpan QueuedFor = TimeSpan.FromMinutes(2);

    private async Task SweepAsync(bool atStart, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutboxDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var queueWasInMemory = atStart && storage is InMemoryStorage;
        var taken = await db.Messages
            .Where(m => (m.State == OutboxState.Queued || m.State == OutboxState.Working) && (queueWasInMemory || m.LeaseUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Pending).SetProperty(m => m.LeaseUntilUtc, (DateTime?)null), cancellationToken);
        if (taken > 0)
        {
            logger.LogInformation("Took back {Count} outbox items that a stopped worker had left.", taken);
        }
    }
}
