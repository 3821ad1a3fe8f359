using System.Text.Json;
using Literacy.CreditBank.Data;
using Literacy.Modules.Competencies;
using Literacy.Modules.Recipes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Literacy.CreditBank.Units;

/// <summary>
/// <c>{ "step": "credit-units" }</c>: adds the certification units that come with the platform (<see cref="BundledUnits"/>)
/// and that the site does not have yet. Units an administrator changed are left alone.
/// </summary>
public sealed class UnitsStep(CreditBankDbContext db, BundledUnits bundled, ICompetencyFrameworkSource frameworks, IOptions<CreditBankOptions> options, TimeProvider clock) : IRecipeStep
{
    public string Name => "credit-units";

    public async Task RunAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var missing = bundled.Missing(await db.Units.Select(u => u.Id).ToListAsync(cancellationToken));
        var framework = await frameworks.CurrentAsync(cancellationToken);
        foreach (var u in missing)
        {
            var unknown = u.Competencies.Where(c => !framework.Contains(c)).ToList();
            if (unknown.Count > 0)
            {
                throw new RecipeException($"{options.Value.UnitsFile}: unit {u.Id} names competencies the framework does not have: {string.Join(", ", unknown)}.");
            }

            var unit = u.ToUnit();
            if (new[] { unit.TitleZh, unit.TitleEn, unit.DescriptionZh, unit.DescriptionEn }.Any(string.IsNullOrWhiteSpace))
            {
                throw new RecipeException($"{options.Value.UnitsFile}: unit {u.Id} needs its title and description in zh-CN and en.");
            }

            unit.RuleSinceUtc = clock.GetUtcNow().UtcDateTime;
            db.Units.Add(unit);
        }

        await db.SaveChangesAsync(cancellationToken);
        context.Note($"Certification units: {missing.Count} added.");
    }
}
