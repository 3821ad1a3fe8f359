using System.Globalization;
using System.Text.Json;
using Literacy.Insights.Data;
using Literacy.Insights.Figures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Literacy.Insights.Reports;

/// <summary>A report's figures, protected before they are stored: the month's new activity, the totals at its end, the breakdowns.</summary>
public sealed record ReportFigures(string Month, InsightTable ThisMonth, InsightTable Totals, IReadOnlyList<InsightTable> Breakdowns)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IEnumerable<InsightTable> Tables => [ThisMonth, Totals, .. Breakdowns];
}

/// <summary>Writes the monthly development report (发展水平报告) for one month: figures as of its last day, and a short summary of the change since the month before.</summary>
public sealed class ReportWriter(InsightsDbContext db, FactSnapshot snapshot, IStringLocalizer<InsightsModule> T, TimeProvider clock)
{
    public static readonly Measure[] SummaryMeasures = [Measure.Reached, Measure.Enrolments, Measure.Completions, Measure.Credits, Measure.Units, Measure.Attendances];

    /// <summary>The month before the current one: the last whole month.</summary>
    public DateOnly LastWholeMonth()
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
    }

    /// <summary>Writes (or writes again) the report of the month starting at <paramref name="month"/>.</summary>
    public async Task<ReportSnapshot> WriteAsync(DateOnly month, CancellationToken cancellationToken)
    {
        var facts = await snapshot.ReadAsync(cancellationToken);
        var (first, last) = (month.DayNumber, month.AddMonths(1).AddDays(-1).DayNumber);
        var within = Aggregator.Compute(facts, Filter.All, Scope.Everything, new Period(first, last), last, 1);
        var upTo = Aggregator.Compute(facts, Filter.All, Scope.Everything, new Period(null, last), last, 1);
        var key = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var figures = new ReportFigures(
            key,
            Disclosure.Table("month", Dimension.Total, Aggregator.Headline, [within.Total]),
            Disclosure.Table("totals", Dimension.Total, Aggregator.Headline, [upTo.Total]),
            [.. Aggregator.BreakdownDimensions.Select(d => Disclosure.Table(Dashboard.TableId(d), d, Aggregator.Headline, upTo.Breakdowns[d]))]);

        var previousKey = month.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var previous = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Month == previousKey, cancellationToken) is { } p
            ? JsonSerializer.Deserialize<ReportFigures>(p.FiguresJson, ReportFigures.Json)
            : null;
        var report = await db.Reports.FirstOrDefaultAsync(r => r.Month == key, cancellationToken);
        if (report is null)
        {
            report = new ReportSnapshot { Month = key, FiguresJson = "", SummaryZh = "", SummaryEn = "" };
            db.Reports.Add(report);
        }

        report.WrittenUtc = clock.GetUtcNow().UtcDateTime;
        report.FiguresJson = JsonSerializer.Serialize(figures, ReportFigures.Json);
        report.SummaryZh = Summary(figures, previous, "zh-CN");
        report.SummaryEn = Summary(figures, previous, "en");
        await db.SaveChangesAsync(cancellationToken);
        return report;
    }

    /// <summary>One plain sentence per key figure, comparing the month with the one before, in the given language.</summary>
    public string Summary(ReportFigures now, ReportFigures? before, string culture)
    {
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var c = CultureInfo.CurrentUICulture;
            var sentences = new List<string>();
            if (before is null)
            {
                sentences.Add(T["This is the first report: there is no earlier month to compare with."]);
            }

            foreach (var measure in SummaryMeasures)
            {
                var name = MeasureName(measure);
                var value = now.ThisMonth.Cell("total", measure).Value;
                var earlier = before?.ThisMonth.Cell("total", measure).Value;
                sentences.Add((value, earlier) switch
                {
                    (null, _) => T["{0}: fewer than 5 this month.", name],
                    ({ } v, null) => T["{0}: {1} this month.", name, v.ToString("N0", c)],
                    ({ } v, { } e) when v == e => T["{0}: {1} this month, the same as the month before.", name, v.ToString("N0", c)],
                    ({ } v, 0) => T["{0}: {1} this month, up from none the month before.", name, v.ToString("N0", c)],
                    ({ } v, { } e) when v > e => T["{0}: {1} this month, {2}% more than the month before ({3}).", name, v.ToString("N0", c), Math.Round(100.0 * (v - e) / e), e.ToString("N0", c)],
                    ({ } v, { } e) => T["{0}: {1} this month, {2}% fewer than the month before ({3}).", name, v.ToString("N0", c), Math.Round(100.0 * (e - v) / e), e.ToString("N0", c)],
                });
            }

            return string.Join(culture == "zh-CN" ? "" : " ", sentences);
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    private string MeasureName(Measure measure) => measure switch
    {
        Measure.Reached => T["Learners active"],
        Measure.Enrolments => T["Enrolments"],
        Measure.Completions => T["Completions"],
        Measure.Credits => T["Credits earned"],
        Measure.Units => T["Certification units earned"],
        _ => T["Live-class attendances"],
    };
}
