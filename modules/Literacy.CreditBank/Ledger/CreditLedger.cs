using Literacy.CreditBank.Data;
using Microsoft.EntityFrameworkCore;

namespace Literacy.CreditBank.Ledger;

/// <summary>What to write to a learner's ledger. <see cref="SourceId"/> identifies the cause: the same cause is written once.</summary>
/// <param name="At">When it happened, if the caller already used the time (a credential's issue date); otherwise now.</param>
public sealed record LedgerAppend(string UserId, Guid SourceId, EntryKind Kind, string UnitId, int Credits, string Evidence, DateTime? At = null);

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
                // SQLite: BEGIN IMMEDIATE, so writers queue instead of colliding. PostgreSQL: the unique indexes decide.
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var account = await FindAccountAsync(append.UserId, cancellationToken) ?? await OpenAccountAsync(append.UserId, cancellationToken);
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
                    RecordedUtc = append.At ?? LedgerHash.Microseconds(clock.GetUtcNow()),
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

    /// <summary>Whether the account already has an entry for this cause: lets a caller skip work for a repeat.</summary>
    public async Task<bool> HasEntryAsync(string userId, Guid sourceId, CancellationToken cancellationToken) =>
        await FindAccountAsync(userId, cancellationToken) is { } account
        && await db.Entries.AnyAsync(e => e.AccountId == account && e.SourceId == sourceId, cancellationToken);

    /// <summary>Opens the learner's account, inside the append's transaction; a concurrent opening collides on the unique user id.</summary>
    private async Task<Guid> OpenAccountAsync(string userId, CancellationToken cancellationToken)
    {
        var account = new LearningAccount { Id = Guid.NewGuid(), UserId = userId, OpenedUtc = clock.GetUtcNow().UtcDateTime };
        db.Accounts.Add(account);
        await db.SaveChangesAsync(cancellationToken);
        return account.Id;
    }

    public Task<Guid?> FindAccountAsync(string userId, CancellationToken cancellationToken) =>
        db.Accounts.Where(a => a.UserId == userId).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
}
