using System.Text.RegularExpressions;
using Literacy.CreditBank.Data;
using Literacy.CreditBank.Earning;
using Literacy.CreditBank.Units;
using Literacy.Modules.Audit;
using Literacy.Modules.Competencies;
using Literacy.Modules.Lessons;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Literacy.CreditBank.Admin;

/// <summary>A certification unit as the form edits it.</summary>
public sealed record UnitForm(
    string? Id,
    string? TitleZh,
    string? TitleEn,
    string? DescriptionZh,
    string? DescriptionEn,
    string? Area,
    string[]? Competencies,
    int Level,
    int Credits,
    EarningRule Rule,
    string? CourseId,
    double MinScore,
    int Minutes,
    bool Active)
{
    public static UnitForm Of(CertificationUnit u) => new(u.Id, u.TitleZh, u.TitleEn, u.DescriptionZh, u.DescriptionEn, u.Area,
        [.. u.CompetencyIds], u.Level, u.Credits, u.Rule, u.CourseId, u.MinScore, u.Minutes, u.Active);
}

/// <param name="EarlierLearners">How many learners met the unit's rule before the unit could pay them and do not have it (<see cref="EarlierLearning"/>).</param>
public sealed record UnitEditor(UnitForm Form, bool IsNew, CompetencyFramework Framework, IReadOnlyList<string> Problems, int EarlierLearners = 0);

/// <summary>Admin → Credit bank → a unit: what it certifies, what it is worth and how it is earned. Units are never deleted, only switched off.</summary>
[Authorize(Policy = Permissions.ManageCreditBank)]
[Route("admin/credits/units")]
public sealed partial class UnitsAdminController(
    CreditBankDbContext db,
    ICompetencyFrameworkSource frameworks,
    ICourseContent courses,
    UnitUpdates unitUpdates,
    EarlierLearning earlier,
    IAuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<CreditBankModule> T) : Controller
{
    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken) =>
        await EditorAsync(new UnitForm(null, null, null, null, null, null, [], 1, 1, EarningRule.CourseCompleted, null, 60, 0, true), true, [], cancellationToken);

    [HttpGet("{id}")]
    public async Task<IActionResult> Edit(string id, CancellationToken cancellationToken)
    {
        var u = await db.Units.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        return u is null ? NotFound() : await EditorAsync(UnitForm.Of(u), false, [], cancellationToken, (await earlier.OfAsync(u, cancellationToken)).Count);
    }

    [HttpPost("")]
    public Task<IActionResult> Create(UnitForm form, CancellationToken cancellationToken) => SaveAsync(form, isNew: true, cancellationToken);

    [HttpPost("{id}")]
    public Task<IActionResult> Update(string id, UnitForm form, CancellationToken cancellationToken) => SaveAsync(form with { Id = id }, isNew: false, cancellationToken);

    /// <summary>Adds a unit that came with the platform (<see cref="BundledUnits"/>), through the same checks as the form.</summary>
    [HttpPost("bundled/{id}")]
    public async Task<IActionResult> AddBundled(string id, CancellationToken cancellationToken)
    {
        if (unitUpdates.Find(id) is not { } unit)
        {
            return NotFound();
        }

        if (await db.Units.AnyAsync(u => u.Id == id, cancellationToken))
        {
            TempData["Message"] = T["Nothing changed: the site already has the unit {0}.", unit.TitleIn(System.Globalization.CultureInfo.CurrentUICulture.Name)].Value;
            return Redirect("/admin/credits#units");
        }

        return await SaveAsync(UnitForm.Of(unit.ToUnit()), isNew: true, cancellationToken);
    }

    /// <summary>Awards the unit to the learners who met its rule before the unit could pay them, as the unit's page offers.</summary>
    [HttpPost("{id}/earlier-learning")]
    public async Task<IActionResult> AwardEarlier(string id, CancellationToken cancellationToken)
    {
        if (await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken) is not { } unit)
        {
            return NotFound();
        }

        var learners = (await earlier.OfAsync(unit, cancellationToken)).Count;
        if (learners == 0)
        {
            TempData["Message"] = T["Nothing to do: no learner is waiting for this unit."].Value;
        }
        else
        {
            await earlier.RequestAsync(unit, learners, cancellationToken);
            TempData["Message"] = T["The unit is being awarded to {0} learners. Each gets a certificate by email; this can take a few minutes.", learners].Value;
        }

        return Redirect($"/admin/credits/units/{id}");
    }

    private async Task<IActionResult> SaveAsync(UnitForm form, bool isNew, CancellationToken cancellationToken)
    {
        var problems = await ProblemsAsync(form, isNew, cancellationToken);
        if (problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await EditorAsync(form, isNew, problems, cancellationToken);
        }

        var unit = isNew ? new CertificationUnit
        {
            Id = form.Id!, TitleZh = "", TitleEn = "", DescriptionZh = "", DescriptionEn = "", Area = "", Competencies = "",
        } : await db.Units.FirstAsync(u => u.Id == form.Id, cancellationToken);
        // The rule's "since" moves when it starts paying learning it did not pay before; raising the bar keeps what
        // learners did under it (the minutes they have attended so far still count).
        var paysMore = isNew || unit.Rule != form.Rule || (form.Active && !unit.Active)
            || (form.Rule == EarningRule.CourseCompleted && (unit.CourseId != form.CourseId!.Trim() || form.MinScore < unit.MinScore))
            || (form.Rule == EarningRule.LiveClassMinutes && form.Minutes < unit.Minutes);
        unit.TitleZh = form.TitleZh!.Trim();
        unit.TitleEn = form.TitleEn!.Trim();
        unit.DescriptionZh = form.DescriptionZh!.Trim();
        unit.DescriptionEn = form.DescriptionEn!.Trim();
        unit.Area = form.Area!;
        unit.Competencies = string.Join(',', form.Competencies!);
        (unit.Level, unit.Credits, unit.Rule, unit.Active) = (form.Level, form.Credits, form.Rule, form.Active);
        unit.CourseId = form.Rule == EarningRule.CourseCompleted ? form.CourseId!.Trim() : null;
        unit.MinScore = form.Rule == EarningRule.CourseCompleted ? form.MinScore : 0;
        unit.Minutes = form.Rule == EarningRule.LiveClassMinutes ? form.Minutes : 0;
        if (paysMore)
        {
            unit.RuleSinceUtc = clock.GetUtcNow().UtcDateTime;
        }

        if (isNew)
        {
            db.Units.Add(unit);
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(isNew ? "unit.created" : "unit.changed", unit.Id,
            $"{unit.TitleEn}: level {unit.Level}, {unit.Credits} credits, {unit.Rule} {unit.CourseId}{(unit.Active ? "" : ", switched off")}", cancellationToken);
        TempData["Message"] = T["The unit {0} is saved. Credits already earned stay as they were.", unit.Title(System.Globalization.CultureInfo.CurrentUICulture.Name)].Value;
        // Learners who met the rule already: the unit's page says how many and offers to award it to them.
        return Redirect((await earlier.OfAsync(unit, cancellationToken)).Count > 0 ? $"/admin/credits/units/{unit.Id}#earlier" : "/admin/credits#units");
    }

    private async Task<List<string>> ProblemsAsync(UnitForm f, bool isNew, CancellationToken cancellationToken)
    {
        var framework = await frameworks.CurrentAsync(cancellationToken);
        var problems = new List<string>();
        void Check(bool ok, string message)
        {
            if (!ok)
            {
                problems.Add(message);
            }
        }

        Check(f.Id is not null && UnitId().IsMatch(f.Id), T["The id is lower-case letters, digits and dashes, at most 60 (it appears in credentials and cannot change later)."]);
        Check(!isNew || !await db.Units.AnyAsync(u => u.Id == f.Id, cancellationToken), T["There is already a unit with this id."]);
        Check(!string.IsNullOrWhiteSpace(f.TitleZh) && !string.IsNullOrWhiteSpace(f.TitleEn), T["Please give the title in Chinese and in English."]);
        Check(!string.IsNullOrWhiteSpace(f.DescriptionZh) && !string.IsNullOrWhiteSpace(f.DescriptionEn), T["Please say in both languages what a learner with this unit can do."]);
        Check(framework.Areas.Any(a => a.Id == f.Area), T["Please choose the area the unit counts towards."]);
        Check(f.Competencies is { Length: > 0 } && f.Competencies.All(framework.Contains), T["Please choose at least one competency from the framework."]);
        Check(f.Level >= 1 && f.Level <= framework.MaxLevel, T["Please choose a level from 1 to {0}.", framework.MaxLevel]);
        Check(f.Credits is >= 1 and <= 60, T["Credits are a whole number from 1 to 60."]);
        Check(f.Rule != EarningRule.CourseCompleted || (f.CourseId is { Length: > 0 } c && await courses.TitleAsync(c.Trim(), "en", cancellationToken) is not null),
            T["Please give the id of a published course."]);
        Check(f.Rule != EarningRule.CourseCompleted || f.MinScore is >= 0 and <= 100, T["The lowest score is from 0 to 100."]);
        Check(f.Rule != EarningRule.LiveClassMinutes || f.Minutes is >= 10 and <= 100_000, T["Minutes of live classes are from 10 to 100000."]);
        return problems;
    }

    private async Task<IActionResult> EditorAsync(UnitForm form, bool isNew, IReadOnlyList<string> problems, CancellationToken cancellationToken, int earlierLearners = 0) =>
        View("Edit", new UnitEditor(form, isNew, await frameworks.CurrentAsync(cancellationToken), problems, earlierLearners));

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,59}$")]
    private static partial Regex UnitId();
}
