using Literacy.CreditBank.Data;
using Microsoft.EntityFrameworkCore;

namespace Literacy.CreditBank.Ledger;

public enum BreakKind
{
    /// <summary>An entry before this one is missing (deleted).</summary>
    Gap,
    /// <summary>The entry does not point to the one before it: that one or this one was changed.</summary>
    Unlinked,
    /// <summary>The entry's contents do not match its hash: it was changed after it was written.</summary>
    Altered,
}

/// <summary>Where a chain breaks: the entry, and what is wrong with it.</summary>
public sealed record LedgerBreak(long EntryId, Guid AccountId, long Sequence, BreakKind Kind);

public sealed record LedgerReport(long EntriesChecked, int Accounts, LedgerBreak? Break, TimeSpan Took)
{
    public bool Intact => Break is null;
}

/// <summary>Recomputes every entry's hash and checks each account's chain from its first entry, stopping at the first break.</summary>
public sealed class LedgerVerification(CreditBankDbContext db, TimeProvider clock)
{
    public async Task<LedgerReport> VerifyAsync(CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        long checkedEntries = 0;
        var accounts = 0;
        Guid? account = null;
        long expected = 0;
        var previous = LedgerHash.Genesis;
        await foreach (var e in db.Entries.AsNoTracking().OrderBy(e => e.AccountId).ThenBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (e.AccountId != account)
            {
                (account, expected, previous) = (e.AccountId, 1, LedgerHash.Genesis);
                accounts++;
            }

            BreakKind? problem = e.Sequence != expected ? BreakKind.Gap
                : e.PreviousHash != previous ? BreakKind.Unlinked
                : LedgerHash.Of(e) != e.Hash ? BreakKind.Altered
                : null;
            if (problem is not null)
            {
                return new LedgerReport(checkedEntries, accounts, new LedgerBreak(e.Id, e.AccountId, e.Sequence, problem.Value), clock.GetElapsedTime(started));
            }

            (expected, previous) = (expected + 1, e.Hash);
            checkedEntries++;
        }

        return new LedgerReport(checkedEntries, accounts, null, clock.GetElapsedTime(started));
    }
}
