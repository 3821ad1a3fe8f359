using Literacy.Modules.Features;
using Microsoft.EntityFrameworkCore;

namespace Literacy.Web.Data;

public sealed class SiteStateStore(PlatformDbContext db) : ISiteStateStore
{
    public async Task<SiteSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var enabled = await db.FeatureSwitches.AsNoTracking().Where(f => f.Enabled).Select(f => f.FeatureId).ToListAsync(cancellationToken);
        var theme = await db.SiteSettings.AsNoTracking().Where(s => s.Name == SiteSetting.Theme).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);
        return new SiteSnapshot(enabled.ToHashSet(StringComparer.OrdinalIgnoreCase), theme);
    }

    public async Task SaveFeaturesAsync(IReadOnlyCollection<string> enable, IReadOnlyCollection<string> disable, CancellationToken cancellationToken)
    {
        var ids = enable.Concat(disable).ToList();
        var existing = await db.FeatureSwitches.Where(f => ids.Contains(f.FeatureId)).ToDictionaryAsync(f => f.FeatureId, cancellationToken);
        foreach (var (id, on) in enable.Select(id => (id, true)).Concat(disable.Select(id => (id, false))))
        {
            if (!existing.TryGetValue(id, out var row))
            {
                row = new FeatureSwitch { FeatureId = id };
                db.FeatureSwitches.Add(row);
            }

            row.Enabled = on;
            row.ChangedUtc = DateTime.UtcNow;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SaveThemeAsync(string themeId, CancellationToken cancellationToken)
    {
        var row = await db.SiteSettings.FindAsync([SiteSetting.Theme], cancellationToken);
        if (row is null)
        {
            db.SiteSettings.Add(new SiteSetting { Name = SiteSetting.Theme, Value = themeId });
        }
        else
        {
            row.Value = themeId;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
