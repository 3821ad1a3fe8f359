using Literacy.CreditBank.Data;
using Literacy.CreditBank.Units;
using Literacy.Modules.Lessons;
using Microsoft.EntityFrameworkCore;

namespace Literacy.CreditBank.Admin;

/// <summary>A unit that came with the platform and that the site does not have. <see cref="AwaitsCourse"/>: the course to publish first.</summary>
public sealed record BundledUnitOffer(BundledUnit Unit, string? AwaitsCourse);

/// <summary>
/// What Admin → Credit bank offers after an upgrade of the platform: the bundled units the site does not have. A unit
/// earned by a course can be added once the site publishes that course, as the unit form requires.
/// </summary>
public sealed class UnitUpdates(CreditBankDbContext db, BundledUnits bundled, ICourseContent courses)
{
    public async Task<IReadOnlyList<BundledUnitOffer>> OffersAsync(CancellationToken cancellationToken)
    {
        var offers = new List<BundledUnitOffer>();
        foreach (var unit in bundled.Missing(await db.Units.Select(u => u.Id).ToListAsync(cancellationToken)))
        {
            var awaits = unit.Rule is { Kind: EarningRule.CourseCompleted, Course: { } course }
                && await courses.TitleAsync(course, "en", cancellationToken) is null ? course : null;
            offers.Add(new BundledUnitOffer(unit, awaits));
        }

        return offers;
    }
}
