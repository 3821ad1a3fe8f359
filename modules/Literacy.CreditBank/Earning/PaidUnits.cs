using Literacy.CreditBank.Data;
using Microsoft.EntityFrameworkCore;

namespace Literacy.CreditBank.Earning;

/// <summary>Which learners already have which units: the source ids (<see cref="Awards.SourceOf"/>) of their awards.</summary>
public sealed class PaidUnits(CreditBankDbContext db)
{
    public async Task<HashSet<Guid>> AmongAsync(IEnumerable<string> userIds, IReadOnlyCollection<CertificationUnit> units, CancellationToken cancellationToken)
    {
        var paid = new HashSet<Guid>();
        foreach (var chunk in userIds.Distinct().Chunk(500))
        {
            var users = chunk.ToList();
            var accounts = db.Accounts.Where(a => users.Contains(a.UserId)).Select(a => a.Id);
            var sources = users.SelectMany(u => units.Select(unit => Awards.SourceOf(u, unit.Id))).ToList();
            paid.UnionWith(await db.Entries.AsNoTracking().Where(e => accounts.Contains(e.AccountId) && sources.Contains(e.SourceId))
                .Select(e => e.SourceId).ToListAsync(cancellationToken));
        }

        return paid;
    }
}
