using Literacy.CreditBank.Data;
using Literacy.Data;
using Microsoft.EntityFrameworkCore;

namespace Literacy.CreditBank.Ledger;

/// <summary>What to write to a learner's ledger. <see cref="SourceId"/> identifies the cause: the same cause is written once.</summary>
/// <param name="At">When it happened, if the caller already used the time (a credential's issue date); otherwise now.</param>
public sealed record LedgerAppend(string UserId, Guid SourceId, EntryKind Kind, string UnitId, int Credits, string Evidence, DateTime? At = null);

public sealed record LedgerAppendResult(LedgerEntry Entry, bool Created);

/// <summary>
/// The only code that writes ledger entries. An append reads the account's head, chains the new entry to it and commits,
/// together with whatever else must be written with it (a credential), which <c>alongside</c> writes on the same context.
/// Appends that arrive together share a commit (<see cref="GroupCommit{TContext}"/>). Two writers that race for one account
/// on two nodes collide on the (account, sequence) or (account, source) unique index; the loser starts again and finds
/// the winner's entry.
/// </summary>
public sealed class CreditLedger(GroupCommit<CreditBankDbContext> commits, TimeProvider clock)
{
    public Task<LedgerAppendResult> AppendAsync(LedgerAppend append, Func<CreditBankDbContext, LedgerEntry, Task>? alongside, CancellationToken cancellationToken) =>
        commits.RunAsync(writer => AppendOnAsync(writer, append, alongside), cancellationToken);

    private async Task<LedgerAppendResult> AppendOnAsync(CreditBankDbContext writer, LedgerAppend append, Func<CreditBankDbContext, LedgerEntry, Task>? alongside)
    {
        var account = await AccountOf(writer, append.UserId).FirstOrDefaultAsync();
        // One round trip for both: an entry for the same cause (then nothing is written) and the account's head.
        var known = account is null ? [] : await writer.Entries.AsNoTracking()
            .Where(e => e.AccountId == account && (e.SourceId == append.SourceId
                || e.Sequence == writer.Entries.Where(x => x.AccountId == account).Max(x => x.Sequence)))
            .ToListAsync();
        if (known.FirstOrDefault(e => e.SourceId == append.SourceId) is { } existing)
        {
            return new LedgerAppendResult(existing, Created: false);
        }

        if (account is null)
        {
            account = Guid.NewGuid();
            writer.Accounts.Add(new LearningAccount { Id = account.Value, UserId = append.UserId, OpenedUtc = clock.GetUtcNow().UtcDateTime });
        }

        var head = known.MaxBy(e => e.Sequence);
        var entry = new LedgerEntry
        {
            AccountId = account.Value,
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
        writer.Entries.Add(entry);
        if (alongside is not null)
        {
            await alongside(writer, entry);
        }

        await writer.SaveChangesAsync(); // the account (if new), the entry and what goes with it, in one batch
        return new LedgerAppendResult(entry, Created: true);
    }

    private static IQueryable<Guid?> AccountOf(CreditBankDbContext context, string userId) =>
        context.Accounts.Where(a => a.UserId == userId).Select(a => (Guid?)a.Id);
}
