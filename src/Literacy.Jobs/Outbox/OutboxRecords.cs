using Literacy.Data.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Literacy.Jobs.Outbox;

internal sealed class OutboxRecords(OutboxDbContext db, OutboxSignal signal, TimeProvider clock) : IOutboxRecords
{
    public async Task<OutboxRecord?> FindAsync(string key, CancellationToken cancellationToken) =>
        (await db.Messages.AsNoTracking().Where(m => m.Key == key).ToListAsync(cancellationToken)).Select(ToRecord).SingleOrDefault();

    public async Task<IReadOnlyList<OutboxRecord>> FailedAsync(string kind, int take, CancellationToken cancellationToken) =>
        (await db.Messages.AsNoTracking()
            .Where(m => m.Kind == kind && m.State == OutboxState.Failed)
            .OrderByDescending(m => m.Id).Take(take).ToListAsync(cancellationToken))
        .Select(ToRecord).ToList();

    public async Task<bool> RetryAsync(long id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Messages.Where(m => m.Id == id && m.State == OutboxState.Failed).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, OutboxState.Pending)
            .SetProperty(m => m.Attempts, 0)
            .SetProperty(m => m.DueUtc, now)
            .SetProperty(m => m.DoneUtc, (DateTime?)null), cancellationToken);
        signal.Wake();
        return changed == 1;
    }

    public async Task<IReadOnlyList<OutboxRecord>> MentioningAsync(string kind, string text, CancellationToken cancellationToken) =>
        (await db.Messages.AsNoTracking().Where(m => m.Kind == kind && m.Payload.Contains(text)).OrderBy(m => m.Id).ToListAsync(cancellationToken))
        .Select(ToRecord).ToList();

    public Task ForgetMentioningAsync(string kind, string text, CancellationToken cancellationToken) =>
        db.Messages.Where(m => m.Kind == kind && m.Payload.Contains(text)).ExecuteDeleteAsync(cancellationToken);

    private static OutboxRecord ToRecord(OutboxMessage m) =>
        new(m.Id, m.Kind, m.Key, m.Payload, m.State.ToString(), m.Attempts, m.CreatedUtc, m.DoneUtc, m.LastError);
}
