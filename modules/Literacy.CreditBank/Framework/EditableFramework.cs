using Literacy.CreditBank.Data;
using Literacy.Modules.Competencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.CreditBank.Framework;

/// <summary>
/// The framework as the administrators keep it in the credit bank's tables, seeded from the bundled file at setup.
/// Until then (a database not set up yet) the bundled file answers. Kept in memory for 30 seconds, so an edit made on
/// another node shows here within that time; an edit made here shows at once.
/// </summary>
public sealed class EditableFramework(IServiceScopeFactory scopes, BundledFramework bundled, IMemoryCache cache) : ICompetencyFrameworkSource
{
    private const string Key = "competency-framework";

    public async Task<CompetencyFramework> CurrentAsync(CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(Key, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(30);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CreditBankDbContext>();
            var areas = await db.FrameworkAreas.AsNoTracking().OrderBy(a => a.Id).ToListAsync(cancellationToken);
            if (areas.Count == 0)
            {
                return bundled.Framework;
            }

            var competencies = await db.FrameworkCompetencies.AsNoTracking().ToListAsync(cancellationToken);
            var levels = await db.FrameworkLevels.AsNoTracking().OrderBy(l => l.Level).ToListAsync(cancellationToken);
            return new CompetencyFramework(
                bundled.Framework.Id,
                areas.Select(a => new CompetencyArea(a.Id, competencies.Where(c => c.AreaId == a.Id).OrderBy(c => c.Id, StringComparer.Ordinal)
                    .Select(c => new Competency(c.Id) { Chinese = c.NameZh, English = c.NameEn }).ToList())
                {
                    Chinese = a.NameZh,
                    English = a.NameEn,
                    Outline = a.Outline.Split(',', StringSplitOptions.RemoveEmptyEntries),
                }).ToList(),
                levels.Select(l => new ProficiencyLevel(l.Level) { Chinese = l.NameZh, English = l.NameEn }).ToList());
        }) ?? bundled.Framework;

    /// <summary>Forgets the copy in memory after an edit.</summary>
    public void Changed() => cache.Remove(Key);
}
