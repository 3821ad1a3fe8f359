using System.Text.Json;
using System.Text.Json.Serialization;
using Literacy.CreditBank.Data;
using Literacy.Modules.Competencies;
using Literacy.Modules.Recipes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Literacy.CreditBank.Units;

/// <summary>
/// <c>{ "step": "credit-units" }</c>: adds the certification units from content/frameworks/units.json that the site does not
/// have yet. Units an administrator changed are left alone.
/// </summary>
public sealed class UnitsStep(CreditBankDbContext db, ICompetencyFrameworkSource frameworks, IOptions<CreditBankOptions> options) : IRecipeStep
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) } };

    public string Name => "credit-units";

    public async Task RunAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var path = Path.Combine(AppContext.BaseDirectory, options.Value.UnitsFile);
        var units = JsonSerializer.Deserialize<List<UnitSource>>(File.ReadAllText(path), Json) ?? [];
        var known = await db.Units.Select(u => u.Id).ToListAsync(cancellationToken);
        var framework = await frameworks.CurrentAsync(cancellationToken);
        foreach (var u in units.Where(u => !known.Contains(u.Id)))
        {
            var unknown = u.Competencies.Where(c => !framework.Contains(c)).ToList();
            if (unknown.Count > 0)
            {
                throw new RecipeException($"{options.Value.UnitsFile}: unit {u.Id} names competencies the framework does not have: {string.Join(", ", unknown)}.");
            }

            db.Units.Add(new CertificationUnit
            {
                Id = u.Id,
                TitleZh = u.Title["zh-CN"],
                TitleEn = u.Title["en"],
                DescriptionZh = u.Description["zh-CN"],
                DescriptionEn = u.Description["en"],
                Area = u.Area,
                Competencies = string.Join(',', u.Competencies),
                Level = u.Level,
                Credits = u.Credits,
                Rule = u.Rule.Kind,
                CourseId = u.Rule.Course,
                MinScore = u.Rule.MinScore,
                Minutes = u.Rule.Minutes,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        context.Note($"Certification units: {units.Count(u => !known.Contains(u.Id))} added.");
    }

    private sealed record UnitSource(
        string Id,
        Dictionary<string, string> Title,
        Dictionary<string, string> Description,
        string Area,
        string[] Competencies,
        int Level,
        int Credits,
        RuleSource Rule);

    private sealed record RuleSource(EarningRule Kind, string? Course, double MinScore, int Minutes);
}
