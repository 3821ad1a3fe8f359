using Literacy.CreditBank.Data;
using Microsoft.EntityFrameworkCore;

namespace Literacy.CreditBank.Ledger;

/// <summary>What to write to a learner's ledger. <see cref="SourceId"/> identifies the cause: the same cause is written once.</summary>
public sealed record LedgerAppend(string UserId, Guid SourceId, EntryKind Kind, string UnitId, int Credits, string Evidence);

public sealed record LedgerAppendResult(LedgerEntry Entry, bool Created);

/// <summary>
/// The only code that writes ledger entries. An append reads the account's head, chains the new entry to it and commits,
/// together with whatever else must be written with it (a credential). Two writers that race for the same account
/// collide on the (account, sequence) or (account, source) unique index; the loser starts again and finds the winner's entry.
/// </summary>
public sealed class CreditLedger(CreditBankDbContext db, TimeProvider clock)
{
    private const int MaxAttempts = 50;

    public async Task<LedgerAppendResult> AppendAsync(LedgerAppend append, Func<LedgerEntry, Task>? alongside, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var account = await OpenAccountAsync(append.UserId, cancellationToken);
                // SQLite: BEGIN IMMEDIATE, so writers queue instead of colliding. PostgreSQL: the unique indexes decide.
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var existing = await db.Entries.AsNoTracking()
                    .FirstOrDefaultAsync(e => e.AccountId == account && e.SourceId == append.SourceId, cancellationToken);
                if (existing is not null)
                {
                    return new LedgerAppendResult(existing, Created: false);
                }

                var head = await db.Entries.AsNoTracking().Where(e => e.AccountId == account)
                    .OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash })
                    .FirstOrDefaultAsync(cancellationToken);
                var entry = new LedgerEntry
                {
                    AccountId = account,
                    Sequence = (head?.Sequence ?? 0) + 1,
                    SourceId = append.SourceId,
                    Kind = append.Kind,
                    UnitId = append.UnitId,
                    Credits = append.Credits,
                    Evidence = append.Evidence,
                    RecordedUtc = LedgerHash.Microseconds(clock.GetUtcNow()),
                    PreviousHash = head?.Hash ?? LedgerHash.Genesis,
                    Hash = string.Empty,
                };
                entry.Hash = LedgerHash.Of(entry);
                db.Entries.Add(entry);
                await db.SaveChangesAsync(cancellationToken);
                if (alongside is not null)
                {
                    await alongside(entry);
                    await db.SaveChangesAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return new LedgerAppendResult(entry, Created: true);
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(1, 5 * attempt), cancellationToken);
            }
        }
    }

    /// <summary>The learner's account id, opening the account on first use.</summary>
    public async Task<Guid> OpenAccountAsync(string userId, CancellationToken cancellationToken)
    {
        var id = await FindAccountAsync(userId, cancellationToken);
        if (id is { } found)
        {
            return found;
        }

        db.Accounts.Add(new LearningAccount { Id = Guid.NewGuid(), UserId = userId, OpenedUtc = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Opened by a concurrent request a moment ago.
        }

        db.ChangeTracker.Clear();
        return await FindAccountAsync(userId, cancellationToken) ?? throw new InvalidOperationException($"No learning account for {userId}.");
    }

    public Task<Guid?> FindAccountAsync(string userId, CancellationToken cancellationToken) =>
        db.Accounts.Where(a => a.UserId == userId).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
}
