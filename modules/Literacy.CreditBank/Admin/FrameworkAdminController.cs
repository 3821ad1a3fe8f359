using System.Text.RegularExpressions;
using Literacy.CreditBank.Data;
using Literacy.CreditBank.Framework;
using Literacy.Modules;
using Literacy.Modules.Audit;
using Literacy.Modules.Competencies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Literacy.CreditBank.Admin;

public sealed record NameRequest(string? Id, string? AreaId, string? NameZh, string? NameEn);

/// <summary>
/// Admin → Credit bank → Framework: rename areas, competencies and levels in both languages, and add areas and competencies.
/// Nothing is deleted here: courses, units and credits already name them.
/// </summary>
[Authorize(Policy = Permissions.ManageCreditBank)]
[Route("admin/credits/framework")]
public sealed partial class FrameworkAdminController(
    CreditBankDbContext db,
    ICompetencyFrameworkSource frameworks,
    EditableFramework editable,
    IOutputCacheStore pageCache,
    IAuditTrail audit,
    IStringLocalizer<CreditBankModule> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await frameworks.CurrentAsync(cancellationToken));

    [HttpPost("areas")]
    public Task<IActionResult> AddArea(NameRequest r, CancellationToken cancellationToken) =>
        SaveAsync(r, "framework.area-added", async () =>
        {
            if (await db.FrameworkAreas.AnyAsync(a => a.Id == r.Id, cancellationToken))
            {
                return T["There is already an area {0}.", r.Id!];
            }

            db.FrameworkAreas.Add(new FrameworkArea { Id = r.Id!, NameZh = r.NameZh!, NameEn = r.NameEn!, Outline = string.Empty });
            return null;
        }, cancellationToken);

    [HttpPost("areas/{id}")]
    public Task<IActionResult> RenameArea(string id, NameRequest r, CancellationToken cancellationToken) =>
        SaveAsync(r with { Id = id }, "framework.area-renamed", async () =>
        {
            var area = await db.FrameworkAreas.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
            if (area is null)
            {
                return T["There is no area {0}.", id];
            }

            (area.NameZh, area.NameEn) = (r.NameZh!, r.NameEn!);
            return null;
        }, cancellationToken);

    [HttpPost("competencies")]
    public Task<IActionResult> AddCompetency(NameRequest r, CancellationToken cancellationToken) =>
        SaveAsync(r, "framework.competency-added", async () =>
        {
            if (!await db.FrameworkAreas.AnyAsync(a => a.Id == r.AreaId, cancellationToken))
            {
                return T["There is no area {0}.", r.AreaId ?? string.Empty];
            }

            if (await db.FrameworkCompetencies.AnyAsync(c => c.Id == r.Id, cancellationToken))
            {
                return T["There is already a competency {0}.", r.Id!];
            }

            db.FrameworkCompetencies.Add(new FrameworkCompetency { Id = r.Id!, AreaId = r.AreaId!, NameZh = r.NameZh!, NameEn = r.NameEn! });
            return null;
        }, cancellationToken);

    [HttpPost("competencies/{id}")]
    public Task<IActionResult> RenameCompetency(string id, NameRequest r, CancellationToken cancellationToken) =>
        SaveAsync(r with { Id = id }, "framework.competency-renamed", async () =>
        {
            var competency = await db.FrameworkCompetencies.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (competency is null)
            {
                return T["There is no competency {0}.", id];
            }

            (competency.NameZh, competency.NameEn) = (r.NameZh!, r.NameEn!);
            return null;
        }, cancellationToken);

    [HttpPost("levels/{level:int}")]
    public Task<IActionResult> RenameLevel(int level, NameRequest r, CancellationToken cancellationToken) =>
        SaveAsync(r with { Id = level.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "framework.level-renamed", async () =>
        {
            var row = await db.FrameworkLevels.FirstOrDefaultAsync(l => l.Level == level, cancellationToken);
            if (row is null)
            {
                return T["There is no level {0}.", level];
            }

            (row.NameZh, row.NameEn) = (r.NameZh!, r.NameEn!);
            return null;
        }, cancellationToken);

    /// <summary>Checks the names and id, applies the change, saves, audits, and tells the administrator what happened.</summary>
    private async Task<IActionResult> SaveAsync(NameRequest r, string action, Func<Task<string?>> change, CancellationToken cancellationToken)
    {
        var problem = string.IsNullOrWhiteSpace(r.Id) || !FrameworkId().IsMatch(r.Id) ? T["An id is digits with at most one dot, such as 4 or 4.5."].Value
            : string.IsNullOrWhiteSpace(r.NameZh) || string.IsNullOrWhiteSpace(r.NameEn) || r.NameZh.Length > 200 || r.NameEn.Length > 200
                ? T["Please give the name in Chinese and in English (at most 200 characters each)."].Value
            : await change();
        if (problem is not null)
        {
            db.ChangeTracker.Clear();
            TempData["Error"] = problem;
            return Redirect("/admin/credits/framework");
        }

        await db.SaveChangesAsync(cancellationToken);
        editable.Changed();
        await pageCache.EvictByTagAsync(OutputCaching.LearnerPages, cancellationToken); // course pages show competency names
        await audit.RecordAsync(action, r.Id!, $"{r.NameZh} / {r.NameEn}", cancellationToken);
        TempData["Message"] = T["Saved."].Value;
        return Redirect("/admin/credits/framework");
    }

    [GeneratedRegex(@"^[0-9]{1,3}(\.[0-9]{1,3})?$")]
    private static partial Regex FrameworkId();
}

/// <summary>What the name form shows: where it posts, a key for its field ids, the current names, and for a new item its id and area.</summary>
public sealed record NameForm(string Action, string Key, string NameZh, string NameEn, string? NewId, string? AreaId);
