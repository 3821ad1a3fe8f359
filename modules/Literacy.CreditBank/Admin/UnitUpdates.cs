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
    /// <param name="known">The ids of the site's units, when the caller has read them already.</param>
    public async Task<IReadOnlyList<BundledUnitOffer>> OffersAsync(IEnumerable<string>? known, CancellationToken cancellationToken)
    {
        var have = (known ?? await db.Units.Select(u => u.Id).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var offers = new List<BundledUnitOffer>();
        foreach (var unit in Readable().Where(u => !have.Contains(u.Id)))
        {
            var awaits = unit.Rule is { Kind: EarningRule.CourseCompleted, Course: { } course }
                && await courses.TitleAsync(course, "en", cancellationToken) is null ? course : null;
            offers.Add(new BundledUnitOffer(unit, awaits));
        }

        return offers;
    }

    /// <summary>The bundled unit with this id; null when the file has none, or cannot be read.</summary>
    public BundledUnit? Find(string id) => Readable().FirstOrDefault(u => u.Id == id);

    private IReadOnlyList<BundledUnit> Readable()
    {
        try
        {
            return bundled.All();
        }
        catch (JsonException e)
        {
            // A broken file must not take the administration pages down with it; the setup recipe reports it in full.
            logger.LogWarning(e, "The bundled units file {File} cannot be read; no units are offered.", bundled.File);
            return [];
        }
    }
}
