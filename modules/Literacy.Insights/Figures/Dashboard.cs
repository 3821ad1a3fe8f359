using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Literacy.Modules.Permissions;
using Literacy.Modules.People;
using Microsoft.Extensions.Options;

namespace Literacy.Insights.Figures;

/// <summary>What one page of the dashboard shows, already protected.</summary>
public sealed record DashboardView(
    Filter Filter,
    bool Everything,
    DateTime AsOfUtc,
    bool TooFew,
    InsightTable Totals,
    IReadOnlyList<InsightTable> Breakdowns,
    InsightTable Weekly);

/// <summary>One course's funnel, stopping points and most missed questions, already protected.</summary>
public sealed record CourseView(string CourseId, DateTime AsOfUtc, InsightTable Funnel, InsightTable Stops, InsightTable Questions);

/// <summary>Builds the dashboard's views for the signed-in user: everything for an administrator, a trainer's own courses and classes otherwise.</summary>
public sealed class Dashboard(FactSnapshot snapshot, IEnumerable<ITeaching> teaching, PermissionCatalog permissions, IOptions<InsightsOptions> options, TimeProvider clock)
{
    public static readonly Measure[] WeeklyColumns = [Measure.Reached, Measure.Enrolments, Measure.Completions, Measure.Units, Measure.Attendances];

    /// <summary>Computed views per snapshot, so that a page asked for again (or by another administrator) is not computed again.</summary>
    private static readonly ConditionalWeakTable<FactSet, ConcurrentDictionary<string, DashboardView>> Computed = new();

    public async Task<Scope> ScopeOfAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (permissions.IsGranted(user, Permissions.ViewInsights))
        {
            return Scope.Everything;
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        HashSet<string> courses = [], classes = [];
        foreach (var source in teaching)
        {
            var taught = await source.TaughtByAsync(userId, cancellationToken);
            courses.UnionWith(taught.CourseIds);
            classes.UnionWith(taught.ClassIds);
        }

        return new Scope(courses, classes, Awards: false);
    }

    public async Task<DashboardView> ViewAsync(Filter filter, Scope scope, CancellationToken cancellationToken)
    {
        var facts = await snapshot.CurrentAsync(cancellationToken);
        var key = $"{filter.QueryString()}|{(scope.Courses is null ? "*" : string.Join(',', scope.Courses.Order()))}|{(scope.Classes is null ? "*" : string.Join(',', scope.Classes.Order()))}|{scope.Awards}";
        return Computed.GetOrCreateValue(facts).GetOrAdd(key, _ => Build(facts, filter, scope, FactSet.Day(clock.GetUtcNow().UtcDateTime), options.Value.Weeks));
    }

    public static DashboardView Build(FactSet facts, Filter filter, Scope scope, int today, int weeks)
    {
        var exact = Aggregator.Compute(facts, filter, scope, Period.AllTime, today, weeks);
        var headline = scope.Awards ? Aggregator.Headline : [.. Aggregator.Headline.Where(m => m is not (Measure.Credits or Measure.Units))];
        var totals = Disclosure.Table("totals", Dimension.Total, headline, [exact.Total]);
        var tooFew = totals.Rows[0].Cells[0].IsHeld;
        var breakdowns = Aggregator.BreakdownDimensions
            .Where(d => filter.Of(d) is null) // a dimension fixed by a filter has one row: the total again
            .Select(d => Disclosure.Table(TableId(d), d, headline, exact.Breakdowns[d]))
            .ToList();
        var weeklyColumns = scope.Awards ? WeeklyColumns : [.. WeeklyColumns.Where(m => m != Measure.Units)];
        var weekly = Disclosure.Table("weekly", Dimension.Week, weeklyColumns, exact.Weekly);
        return new DashboardView(filter, scope.IsEverything, facts.BuiltUtc, tooFew, totals, tooFew ? [] : breakdowns, weekly);
    }

    public async Task<CourseView?> CourseAsync(string courseId, Scope scope, CancellationToken cancellationToken)
    {
        if (scope.Courses is not null && !scope.Courses.Contains(courseId))
        {
            return null;
        }

        var facts = await snapshot.CurrentAsync(cancellationToken);
        if (facts.Courses.All(c => c.Id != courseId))
        {
            return null;
        }

        var (funnel, stops, questions) = Aggregator.Course(facts, courseId);
        return new CourseView(courseId, facts.BuiltUtc,
            Disclosure.Table("funnel", Dimension.FunnelStep, [Measure.Learners], funnel),
            Disclosure.Table("stops", Dimension.Lesson, [Measure.Learners], stops),
            Disclosure.Table("questions", Dimension.Question, [Measure.Answered, Measure.Missed, Measure.MissRate], questions));
    }

    /// <summary>The courses a user may open: every course with facts, or a trainer's own.</summary>
    public async Task<IReadOnlyList<string>> CoursesAsync(Scope scope, CancellationToken cancellationToken)
    {
        var facts = await snapshot.CurrentAsync(cancellationToken);
        return [.. facts.Courses.Select(c => c.Id).Where(id => scope.Courses is null || scope.Courses.Contains(id))];
    }

    public static string TableId(Dimension dimension) => dimension switch
    {
        Dimension.Group => "by-group",
        Dimension.Region => "by-region",
        Dimension.AgeBand => "by-age",
        Dimension.Area => "by-area",
        Dimension.Level => "by-level",
        _ => dimension.ToString().ToLowerInvariant(),
    };
}
