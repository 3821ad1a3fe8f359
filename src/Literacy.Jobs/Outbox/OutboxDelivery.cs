using Hangfire;
using Literacy.Data;
using Literacy.Data.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Literacy.Jobs.Outbox;

/// <summary>
/// The Hangfire job for one outbox row. It first claims the row (one worker wins, on any node), then does the work and
/// records the outcome. Retries are the outbox's, not Hangfire's: they are durable and their back-off survives a restart.
/// </summary>
public sealed class OutboxDelivery(
    OutboxDbContext db,
    SqliteWriteGate gate,
    IEnumerable<IOutboxHandler> handlers,
    TimeProvider clock,
    IOptions<JobsOptions> options,
    ILogger<OutboxDelivery> logger)
{
    [AutomaticRetry(Attempts = 0)]
    public async Task DeliverAsync(long id, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var lease = now + settings.Lease;
        int claimed;
        using (await gate.EnterAsync(db)) // SQLite: the workers take turns to write instead of colliding and sleeping
        {
            claimed = await db.Messages
                .Where(m => m.Id == id && (m.State == OutboxState.Pending || m.State == OutboxState.Queued) && m.DueUtc <= now)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.State, OutboxState.Working)
                    .SetProperty(m => m.LeaseUntilUtc, lease)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.Node, settings.Node), cancellationToken);
        }

        if (claimed == 0)
        {
            return; // done, failed, or another worker has it
        }

        var message = await db.Messages.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
        var (state, error, due) = await RunAsync(message, settings, cancellationToken);
        var at = clock.GetUtcNow().UtcDateTime;
        using var turn = await gate.EnterAsync(db);
        await db.Messages.Where(m => m.Id == id && m.State == OutboxState.Working).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, state)
            .SetProperty(m => m.LastError, error)
            .SetProperty(m => m.LeaseUntilUtc, (DateTime?)null)
            .SetProperty(m => m.DueUtc, m => due ?? m.DueUtc)
            .SetProperty(m => m.DoneUtc, state == OutboxState.Pending ? null : at), CancellationToken.None);
    }

    private async Task<(OutboxState State, string? Error, DateTime? Due)> RunAsync(OutboxMessage message, JobsOptions settings, CancellationToken cancellationToken)
    {
        var handler = handlers.FirstOrDefault(h => h.Kind == message.Kind);
        if (handler is null)
        {
            return (OutboxState.Failed, $"Nothing on this site handles '{message.Kind}' work.", null);
        }

        try
        {
            var skipped = await handler.HandleAsync(message.Id, message.Payload, cancellationToken);
            return (skipped is null ? OutboxState.Done : OutboxState.Skipped, skipped, null);
        }
        catch (OutboxRefusedException e)
        {
            logger.LogWarning("Outbox item {Id} ({Kind}) refused: {Reason}", message.Id, message.Kind, e.Message);
            return (OutboxState.Failed, Clip(e.Message), null);
        }
        catch (Exception e)
        {
            var retries = settings.RetryDelays;
            if (message.Attempts > retries.Length)
            {
                logger.LogWarning(e, "Outbox item {Id} ({Kind}) failed for good after {Attempts} tries.", message.Id, message.Kind, message.Attempts);
                return (OutboxState.Failed, Clip(e.Message), null);
            }

            var wait = retries[message.Attempts - 1];
            logger.LogInformation("Outbox item {Id} ({Kind}) failed ({Reason}); trying again in {Wait}.", message.Id, message.Kind, e.Message, wait);
            return (OutboxState.Pending, Clip(e.Message), clock.GetUtcNow().UtcDateTime + wait);
        }
    }

    private static string Clip(string reason) => reason.Length <= 2000 ? reason : reason[..2000];
}
