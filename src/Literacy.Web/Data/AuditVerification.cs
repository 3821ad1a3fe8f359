using Literacy.Modules.Chaining;
using Microsoft.EntityFrameworkCore;

namespace Literacy.Web.Data;

public enum AuditBreakKind
{
    /// <summary>An entry before this one is missing (removed).</summary>
    Gap,
    /// <summary>The entry does not point to the one before it: that one or this one was changed.</summary>
    Unlinked,
    /// <summary>The entry's contents do not match its hash: it was changed after it was written.</summary>
    Altered,
}

public sealed record AuditBreak(long EntryId, long Sequence, AuditBreakKind Kind);

public sealed record AuditReport(long EntriesChecked, AuditBreak? Break)
{
    public bool Intact => Break is null;
}

/// <summary>Recomputes every audit entry's hash and follows the chain from the first entry, stopping at the first break.</summary>
public sealed class AuditVerification(PlatformDbContext db)
{
    public async Task<AuditReport> VerifyAsync(CancellationToken cancellationToken)
    {
        long expected = 1;
        var previous = ChainLine.Genesis;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            AuditBreakKind? problem = entry.Sequence != expected ? AuditBreakKind.Gap
                : entry.PreviousHash != previous ? AuditBreakKind.Unlinked
                : !AuditHash.Matches(entry) ? AuditBreakKind.Altered
                : null;
            if (problem is not null)
            {
                return new AuditReport(expected - 1, new AuditBreak(entry.Id, entry.Sequence, problem.Value));
            }

            (expected, previous) = (expected + 1, entry.Hash);
        }

        return new AuditReport(expected - 1, null);
    }
}
