using System.Text.Json;
using Literacy.CreditBank.Data;
using Literacy.CreditBank.Units;
using Literacy.Modules.Lessons;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Literacy.CreditBank.Admin;

/// <summary>A unit that came with the platform and that the site does not have. <see cref="AwaitsCourse"/>: the course to publish first.</summary>
public sealed record BundledUnitOffer(BundledUnit Unit, string? AwaitsCourse);

/// <summary>
/// What Admin → Credit bank offers after an upgrade of the platform: the bundled units the site does not have. A unit
/// earned by a course can be added once the site publishes that course, as the unit form requires.
/// </summary>
public sealed class UnitUpdates(CreditBankDbContext db, BundledUnits bundled, ICourseContent courses, ILogger<UnitUpdates> logger)
{
    public async Task<IReadOnlyList<BundledUnitOffer>> OffersAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<BundledUnit> missing;
        try
        {
            missing = bundled.Missing(await db.Units.Select(u => u.Id).ToListAsync(cancellationToken));
        }
        catch (JsonException e)
        {
            // A broken file must not take the administration pages down with it; the setup recipe reports it in full.
            logger.LogWarning(e, "The bundled units file {File} cannot be read; no units are offered.", bundled.File);
            return [];
        }

        var offers = new List<BundledUnitOffer>();
        foreach (var unit in missing)
        {
            var awaits = unit.Rule is { Kind: EarningRule.CourseCompleted, Course: { } course }
                && await courses.TitleAsync(course, "en", cancellationToken) is null ? course : null;
            offers.Add(new BundledUnitOffer(unit, awaits));
        }

        return offers;
    }
}
