using Literacy.Modules.Audit;
using Literacy.Modules.People;
using Literacy.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Literacy.Web.Admin;

/// <summary>Reads the audit trail, newest first, and checks that its chain is whole.</summary>
[Authorize(Policy = HostPermissions.ReadAudit)]
[Route("admin/audit")]
public sealed class AuditController(PlatformDbContext db, AuditVerification verification, IPeople people, IAuditTrail audit, IStringLocalizer<SiteText> T) : Controller
{
    private const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] AuditFilter filter, int page = 1, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            TempData["Error"] = T["Please write dates as year-month-day, for example 2026-05-01."].Value;
            filter = new AuditFilter();
        }

        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(a => a.Action == filter.Action);
        }

        if (!string.IsNullOrWhiteSpace(filter.Target))
        {
            query = query.Where(a => a.Target.Contains(filter.Target));
        }

        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim();
            var ids = await db.Users.Where(u => u.Id == actor || u.Email!.Contains(actor) || u.DisplayName.Contains(actor))
                .Select(u => u.Id).Take(100).ToListAsync(cancellationToken);
            query = string.Equals(actor, "system", StringComparison.OrdinalIgnoreCase)
                ? query.Where(a => a.ActorId == null)
                : query.Where(a => a.ActorId == actor || ids.Contains(a.ActorId!));
        }

        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.AtUtc >= start);
        }

        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(a => a.AtUtc < end);
        }

        var entries = await query.OrderByDescending(a => a.Sequence).Skip((page - 1) * PageSize).Take(PageSize + 1).ToListAsync(cancellationToken);
        var hasMore = entries.Count > PageSize;
        entries = entries.Take(PageSize).ToList();
        // Entries name people by account id; show who that is while the account exists.
        var named = await people.FindAsync(entries.Select(e => e.ActorId).OfType<string>().Concat(entries.Select(e => e.Target)), cancellationToken);
        var actions = await db.AuditEntries.Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
        return View(new AuditPage(entries, named, actions, filter, page, hasMore));
    }

    [HttpPost("verify")]
    public async Task<IActionResult> Verify(CancellationToken cancellationToken)
    {
        var report = await verification.VerifyAsync(cancellationToken);
        await audit.RecordAsync("audit.verified", "audit", report.Intact ? $"intact, {report.EntriesChecked} entries" : $"broken at entry {report.Break!.Sequence}: {report.Break.Kind}", cancellationToken);
        if (report.Intact)
        {
            TempData["Message"] = T["The audit trail is intact: all {0} entries are unchanged and none is missing.", report.EntriesChecked].Value;
        }
        else
        {
            var b = report.Break!;
            TempData["Error"] = (b.Kind switch
            {
                AuditBreakKind.Gap => T["The audit trail is broken at entry {0}: an entry before it is missing.", b.Sequence],
                AuditBreakKind.Unlinked => T["The audit trail is broken at entry {0}: it does not follow from the entry before it, so one of them was changed.", b.Sequence],
                _ => T["The audit trail is broken at entry {0}: it was changed after it was written.", b.Sequence],
            }).Value;
        }

        return RedirectToAction(nameof(Index));
    }
}

public sealed record AuditFilter
{
    public string? Action { get; init; }

    public string? Actor { get; init; }

    public string? Target { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }
}

public sealed record AuditPage(
    IReadOnlyList<AuditEntry> Entries, IReadOnlyDictionary<string, Person> People, IReadOnlyList<string> Actions, AuditFilter Filter, int Page, bool HasMore);
