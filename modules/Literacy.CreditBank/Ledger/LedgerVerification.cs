using System.Data;
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
        // A million entries must verify in seconds: EF writes the query for the provider, but the rows are read straight from
        // the data reader, not materialised as entities, and the hash is compared without building strings.
        var query = db.Entries.AsNoTracking().OrderBy(e => e.AccountId).ThenBy(e => e.Sequence).Select(e => new
        {
            e.Id, e.AccountId, e.Sequence, e.SourceId, e.Kind, e.UnitId, e.Credits, e.RecordedUtc, e.Evidence, e.PreviousHash, e.Hash,
        });
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = query.CreateDbCommand();
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                // In column order, as sequential access asks.
                var (id, entryAccount, sequence, source) = (reader.GetInt64(0), reader.GetGuid(1), reader.GetInt64(2), reader.GetGuid(3));
                var (kind, unit, credits, recorded) = (reader.GetString(4), reader.GetString(5), reader.GetInt32(6), StoredTimestamp.Read(reader, 7));
                var (evidence, previousHash, hash) = (reader.GetString(8), reader.GetString(9), reader.GetString(10));
                if (entryAccount != account)
                {
                    (account, expected, previous) = (entryAccount, 1, LedgerHash.Genesis);
                    accounts++;
                }

                BreakKind? problem = sequence != expected ? BreakKind.Gap
                    : previousHash != previous ? BreakKind.Unlinked
                    : !LedgerHash.Matches(entryAccount, sequence, source, kind, unit, credits, recorded, evidence, previousHash, hash) ? BreakKind.Altered
                    : null;
                if (problem is not null)
                {
                    return new LedgerReport(checkedEntries, accounts, new LedgerBreak(id, entryAccount, sequence, problem.Value), clock.GetElapsedTime(started));
                }

                (expected, previous) = (expected + 1, hash);
                checkedEntries++;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return new LedgerReport(checkedEntries, accounts, null, clock.GetElapsedTime(started));
    }
}
