using Literacy.Data.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Literacy.Jobs.Outbox;

/// <summary>
/// Writes outbox rows with plain SQL on the caller's connection, so the row joins whatever transaction the caller has open
/// (whichever module's DbContext it is: all share one database). A repeated key is a quiet no-op.
/// </summary>
internal sealed class Outbox(OutboxSignal signal, TimeProvider clock) : IOutbox
{
    public async Task AddAsync(DbContext db, OutboxRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "OutboxMessages" ("Kind", "Key", "Payload", "CreatedUtc", "State", "Attempts", "DueUtc")
            VALUES ({request.Kind}, {request.Key}, {request.Payload}, {now}, {(int)OutboxState.Pending}, 0, {now})
            ON CONFLICT ("Key") DO NOTHING
            """,
            cancellationToken);
        if (db.Database.CurrentTransaction?.GetDbTransaction() is { } transaction)
        {
            signal.AfterCommit(transaction); // the dispatcher cannot see the row before then
        }
        else
        {
            signal.Wake();
        }
    }
}
