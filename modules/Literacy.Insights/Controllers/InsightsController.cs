using Literacy.Insights.Figures;
using Literacy.Modules.Competencies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Literacy.Insights.Controllers;

public sealed record DashboardPage(DashboardView View, LabelBook Labels, IReadOnlyList<string> Courses, DimensionKeys Keys, string? Problem);

public sealed record CoursePage(CourseView View, LabelBook Labels);

/// <summary>/admin/insights: the programme's figures for administrators; a trainer's own courses and classes for a trainer.</summary>
[Authorize(Policy = Permissions.ViewCourseInsights)]
[Route("admin/insights")]
public sealed class InsightsController(Dashboard dashboard, Labels labels, ICompetencyFrameworkSource frameworks, IStringLocalizer<InsightsModule> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] Filter filter, CancellationToken cancellationToken)
    {
        var keys = DimensionKeys.From(await frameworks.CurrentAsync(cancellationToken));
        string? problem = null;
        if (!IsKnown(filter, keys))
        {
            // A hand-made or stale link: say so and show everything, rather than a view of nobody.
            Response.StatusCode = StatusCodes.Status400BadRequest;
            problem = T["One of the filters is not one we know, so all learners are shown. Choose the filters again."];
            filter = Filter.All;
        }

        var scope = await dashboard.ScopeOfAsync(User, cancellationToken);
        var view = await dashboard.ViewAsync(filter, scope, cancellationToken);
        return View(new DashboardPage(view, await labels.ForCurrentCultureAsync(cancellationToken), await dashboard.CoursesAsync(scope, cancellationToken), keys, problem));
    }

    [HttpGet("csv/{table}")]
    public async Task<IActionResult> Csv(string table, [FromQuery] Filter filter, CancellationToken cancellationToken)
    {
        if (!IsKnown(filter, DimensionKeys.From(await frameworks.CurrentAsync(cancellationToken))))
        {
            return BadRequest();
        }

        var view = await dashboard.ViewAsync(filter, await dashboard.ScopeOfAsync(User, cancellationToken), cancellationToken);
        var found = new[] { view.Totals, view.Weekly }.Concat(view.Breakdowns).FirstOrDefault(t => t.Id == table);
        return found is null ? NotFound() : File(CsvExport.Write(found, await labels.ForCurrentCultureAsync(cancellationToken)), "text/csv; charset=utf-8", $"insights-{table}.csv");
    }

    [HttpGet("courses/{courseId}")]
    public async Task<IActionResult> Course(string courseId, CancellationToken cancellationToken)
    {
        var view = await dashboard.CourseAsync(courseId, await dashboard.ScopeOfAsync(User, cancellationToken), cancellationToken);
        return view is null ? NotFound() : View(new CoursePage(view, await labels.ForCurrentCultureAsync(cancellationToken)));
    }

    [HttpGet("courses/{courseId}/csv/{table}")]
    public async Task<IActionResult> CourseCsv(string courseId, string table, CancellationToken cancellationToken)
    {
        var view = await dashboard.CourseAsync(courseId, await dashboard.ScopeOfAsync(User, cancellationToken), cancellationToken);
        var found = view is null ? null : new[] { view.Funnel, view.Stops, view.Questions }.FirstOrDefault(t => t.Id == table);
        return found is null ? NotFound() : File(CsvExport.Write(found, await labels.ForCurrentCultureAsync(cancellationToken)), "text/csv; charset=utf-8", $"insights-{courseId}-{table}.csv");
    }

    private static bool IsKnown(Filter filter, DimensionKeys keys) =>
        Aggregator.BreakdownDimensions.All(d => filter.Of(d) is not { } code || keys.Of(d).Skip(1).Contains(code));
}
