using Literacy.CreditBank.Data;
using Literacy.Modules.Events;
using Microsoft.EntityFrameworkCore;

namespace Literacy.CreditBank.Earning;

/// <summary>A course completion and a unit it earns that the learner does not have.</summary>
public sealed record OwedUnit(CourseCompleted Completed, CertificationUnit Unit);

/// <summary>Which course completions earn a unit that their learner has no ledger entry for.</summary>
public sealed class OwedCompletions(CreditBankDbContext db)
{
    /// <param name="units">Units earned by completing the course of <paramref name="completed"/>.</param>
    public async Task<IReadOnlyList<OwedUnit>> OfAsync(IReadOnlyList<CertificationUnit> units, IEnumerable<CourseCompleted> completed, CancellationToken cancellationToken)
    {
        var owed = new List<OwedUnit>();
        foreach (var chunk in completed.Chunk(500))
        {
            var users = chunk.Select(c => c.UserId).ToList();
            var accounts = db.Accounts.Where(a => users.Contains(a.UserId)).Select(a => a.Id);
            var sources = chunk.SelectMany(c => units.Select(u => Awards.SourceOf(c.UserId, u.Id))).ToList();
            var paid = (await db.Entries.AsNoTracking().Where(e => accounts.Contains(e.AccountId) && sources.Contains(e.SourceId))
                .Select(e => e.SourceId).ToListAsync(cancellationToken)).ToHashSet();
            owed.AddRange(chunk.SelectMany(c => units
                .Where(u => u.MinScore <= c.Score && !paid.Contains(Awards.SourceOf(c.UserId, u.Id)))
                .Select(u => new OwedUnit(c, u))));
        }

        return owed;
    }
}
