using System.Text.Json;
using Literacy.CreditBank.Data;
using Literacy.Modules.Competencies;
using Literacy.Modules.Recipes;
using Microsoft.EntityFrameworkCore;

namespace Literacy.CreditBank.Framework;

/// <summary>
/// <c>{ "step": "framework" }</c>: copies the bundled framework into the credit bank's tables, where administrators edit it.
/// A site that already has a framework keeps it.
/// </summary>
public sealed class FrameworkStep(CreditBankDbContext db, BundledFramework bundled, EditableFramework editable) : IRecipeStep
{
    public string Name => "framework";

    public async Task RunAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        if (await db.FrameworkAreas.AnyAsync(cancellationToken))
        {
            return;
        }

        var framework = bundled.Framework;
        foreach (var area in framework.Areas)
        {
            db.FrameworkAreas.Add(new FrameworkArea { Id = area.Id, NameZh = area.Chinese, NameEn = area.English, Outline = string.Join(',', area.Outline) });
            db.FrameworkCompetencies.AddRange(area.Competencies.Select(c => new FrameworkCompetency { Id = c.Id, AreaId = area.Id, NameZh = c.Chinese, NameEn = c.English }));
        }

        db.FrameworkLevels.AddRange(framework.Levels.Select(l => new FrameworkLevel { Level = l.Level, NameZh = l.Chinese, NameEn = l.English }));
        await db.SaveChangesAsync(cancellationToken);
        editable.Changed();
        context.Note($"Competency framework: {framework.Areas.Count} areas, {framework.Levels.Count} levels.");
    }
}
