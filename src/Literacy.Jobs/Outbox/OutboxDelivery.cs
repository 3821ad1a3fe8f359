using Hangfire;
using Literacy.Data;
using Literacy.Data.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Literacy.Jobs.Outbox;

/// <summary>
/// The Hangfire job for a few outbox rows. It first claims them (one worker wins each row, on any node), then does each
/// piece of work in turn and records its outcome as soon as it is done, so a crash repeats at most the one in hand. The
/// rows share one job and one DI scope, so a handler can keep a connection (the mail server's) from one to the next.
/// Retries are the outbox's, not Hangfire's: they are durable and their back-off survives a restart.
/// </summary>
public sealed class OutboxDelivery(
    GroupCommit<OutboxDbContext> commits,
    IEnumerable<IOutboxHandler> handlers,
    TimeProvider clock,
    IOptions<JobsOptions> options,
    ILogger<OutboxDelivery> logger)
{
    [AutomaticRetry(Attempts = 0)]
    public async Task DeliverAsync(long[] ids, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        // The lease's end is this claim's token: later writes change a row only while this job still holds it. Whole
        // microseconds, as PostgreSQL stores them.
        var lease = new DateTime((now + settings.Lease).Ticks / 10 * 10, DateTimeKind.Utc);
        var messages = await ClaimAsync(ids, now, lease, settings.Node, cancellationToken);
        for (var i = 0; i < messages.Count; i++)
        {
            // The node is stopping, or the work is so slow that the lease could run out during the next piece (another
            // worker would then do it too): the untried rows wait for the next worker.
            if (cancellationToken.IsCancellationRequested || clock.GetUtcNow().UtcDateTime > lease - settings.Lease / 2)
            {
                await ReleaseAsync(messages[i..].Select(m => m.Id).ToList(), lease);
                return;
            }

            await RecordAsync(messages[i].Id, lease, await RunAsync(messages[i], settings, cancellationToken));
        }
    }

    /// <summary>Claims, in one commit, those of the rows that are still waiting for a worker, and reads them back.</summary>
    private Task<List<OutboxMessage>> ClaimAsync(long[] ids, DateTime now, DateTime lease, string node, CancellationToken cancellationToken) =>
        commits.RunAsync(async writer =>
        {
            await writer.Messages
                .Where(m => ids.Contains(m.Id) && (m.State == OutboxState.Pending || m.State == OutboxState.Queued) && m.DueUtc <= now)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.State, OutboxState.Working)
                    .SetProperty(m => m.LeaseUntilUtc, lease)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.Node, node));
            return await Held(writer, [.. ids], lease).AsNoTracking().OrderBy(m => m.Id).ToListAsync();
        }, cancellationToken);

    /// <summary>Not cancellable: the work is done, and its outcome must be kept.</summary>
    private Task RecordAsync(long id, DateTime lease, Outcome outcome)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        return commits.RunAsync(writer => Held(writer, [id], lease).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, outcome.State)
            .SetProperty(m => m.LastError, outcome.Error)
            .SetProperty(m => m.LeaseUntilUtc, (DateTime?)null)
            .SetProperty(m => m.DueUtc, m => outcome.Due ?? m.DueUtc)
            .SetProperty(m => m.DoneUtc, outcome.State == OutboxState.Pending ? null : at)), CancellationToken.None);
    }

    /// <summary>Gives back claimed rows that were not tried, with the try their claim counted.</summary>
    private Task ReleaseAsync(List<long> ids, DateTime lease) =>
        commits.RunAsync(writer => Held(writer, ids, lease).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, OutboxState.Pending)
            .SetProperty(m => m.LeaseUntilUtc, (DateTime?)null)
            .SetProperty(m => m.Attempts, m => m.Attempts - 1)), CancellationToken.None);

    private static IQueryable<OutboxMessage> Held(OutboxDbContext writer, List<long> ids, DateTime lease) =>
        writer.Messages.Where(m => ids.Contains(m.Id) && m.State == OutboxState.Working && m.LeaseUntilUtc == lease);

    private async Task<Outcome> RunAsync(OutboxMessage message, JobsOptions settings, CancellationToken cancellationToken)
    {
        var handler = handlers.FirstOrDefault(h => h.Kind == message.Kind);
        if (handler is null)
        {
            return new(OutboxState.Failed, $"Nothing on this site handles '{message.Kind}' work.", null);
        }

        try
        {
            var skipped = await handler.HandleAsync(message.Id, message.Payload, cancellationToken);
            return new(skipped is null ? OutboxState.Done : OutboxState.Skipped, skipped, null);
        }
        catch (OutboxRefusedException e)
        {
            logger.LogWarning("Outbox item {Id} ({Kind}) refused: {Reason}", message.Id, message.Kind, e.Message);
            return new(OutboxState.Failed, Clip(e.Message), null);
        }
        catch (Exception e)
        {
            var retries = settings.RetryDelays;
            if (message.Attempts > retries.Length)
            {
                logger.LogWarning(e, "Outbox item {Id} ({Kind}) failed for good after {Attempts} tries.", message.Id, message.Kind, message.Attempts);
                return new(OutboxState.Failed, Clip(e.Message), null);
            }

            var wait = retries[message.Attempts - 1];
            logger.LogInformation("Outbox item {Id} ({Kind}) failed ({Reason}); trying again in {Wait}.", message.Id, message.Kind, e.Message, wait);
            return new(OutboxState.Pending, Clip(e.Message), clock.GetUtcNow().UtcDateTime + wait);
        }
    }

    private static string Clip(string reason) => reason.Length <= 2000 ? reason : reason[..2000];

    private sealed record Outcome(OutboxState State, string? Error, DateTime? Due);
}
