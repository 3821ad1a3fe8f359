using System.Text.Json;
using Literacy.Insights.Data;
using Literacy.Insights.Figures;
using Literacy.Insights.Reports;
using Literacy.Modules.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Literacy.Insights.Controllers;

public sealed record ReportListItem(string Month, DateTime WrittenUtc);

public sealed record ReportPage(ReportSnapshot Report, ReportFigures Figures, LabelBook Labels);

/// <summary>The monthly development reports: the list, one printable report, its tables as CSV, and writing last month's now.</summary>
[Authorize(Policy = Permissions.ViewInsights)]
[Route("admin/insights/reports")]
public sealed class ReportsController(InsightsDbContext db, ReportWriter writer, Labels labels, IAuditTrail audit) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await db.Reports.AsNoTracking().OrderByDescending(r => r.Month).Select(r => new ReportListItem(r.Month, r.WrittenUtc)).ToListAsync(cancellationToken));

    /// <summary>Writes the last whole month's report now, as the monthly job would (again, if it exists).</summary>
    [HttpPost("")]
    public async Task<IActionResult> Write(CancellationToken cancellationToken)
    {
        var report = await writer.WriteAsync(writer.LastWholeMonth(), cancellationToken);
        await audit.RecordAsync("insights.report-written", report.Month, cancellationToken: cancellationToken);
        return Redirect($"/admin/insights/reports/{report.Month}");
    }

    [HttpGet("{month:regex(^\\d{{4}}-\\d{{2}}$)}")]
    public async Task<IActionResult> Show(string month, CancellationToken cancellationToken) =>
        await FindAsync(month, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpGet("{month:regex(^\\d{{4}}-\\d{{2}}$)}/csv/{table}")]
    public async Task<IActionResult> Csv(string month, string table, CancellationToken cancellationToken) =>
        await FindAsync(month, cancellationToken) is { } page && page.Figures.Tables.FirstOrDefault(t => t.Id == table) is { } found
            ? File(CsvExport.Write(found, page.Labels), "text/csv; charset=utf-8", $"report-{month}-{table}.csv")
            : NotFound();

    private async Task<ReportPage?> FindAsync(string month, CancellationToken cancellationToken) =>
        await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Month == month, cancellationToken) is { } report
            ? new ReportPage(report, JsonSerializer.Deserialize<ReportFigures>(report.FiguresJson, ReportFigures.Json)!, await labels.ForCurrentCultureAsync(cancellationToken))
            : null;
}
