using System.Text.Json;
using Literacy.Insights.Data;
using Literacy.Insights.Figures;
using Literacy.Modules.Events;
using Literacy.Testing;
using Literacy.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Web.Tests;

public sealed class SqliteInsightsPrivacyTests(SqliteSite site) : InsightsPrivacyTests(site), IClassFixture<SqliteSite>;

public sealed class PostgresInsightsPrivacyTests(PostgresSite site) : InsightsPrivacyTests(site), IClassFixture<PostgresSite>;

/// <summary>
/// A learner's insight facts: in their export, and after they delete their account, still counted in the programme's
/// figures but under a stand-in that leads to no one. Each test uses a course and a region of its own.
/// </summary>
public abstract class InsightsPrivacyTests(PlatformFactory site)
{
    [Fact]
    public async Task The_export_holds_the_learners_own_insight_facts()
    {
        var (courseId, unitId) = await site.PublishFixtureCourseWithUnitAsync();
        var (learner, _) = await ActiveLearnerAsync(courseId, "44");
        var (other, _) = await site.LearnerAsync();
        await other.CompleteFixtureCourseAsync(courseId);

        var copy = JsonDocument.Parse(await (await learner.GetAsync("/account/privacy/export.json")).Content.ReadAsStringAsync())
            .RootElement.GetProperty("insights");
        string? Value(string table, string key, int row = 0) => copy.GetProperty(table)[row].GetProperty(key).GetString();
        Assert.Equal(("60-69", "44", "retired"), (Value("profile", "age-band"), Value("profile", "region"), Value("profile", "occupation-group")));
        Assert.Equal(1, copy.GetProperty("enrolments").GetArrayLength()); // theirs, not the other learner's
        Assert.Equal((courseId, "2", "check"), (Value("enrolments", "course"), Value("enrolments", "lessons-done"), Value("enrolments", "last-lesson")));
        Assert.NotNull(Value("enrolments", "completed"));
        Assert.Equal(["check", "lock"], copy.GetProperty("lessons").EnumerateArray().Select(l => l.GetProperty("lesson").GetString()).Order());
        Assert.Equal(("lock-quiz", "1", "True"), (Value("answers", "quiz"), Value("answers", "question"), Value("answers", "right")));
        Assert.Equal((unitId, "3"), (Value("units", "unit"), Value("units", "credits")));
        Assert.Equal(("class-of-44", "40"), (Value("classes", "class"), Value("classes", "minutes")));

        var page = (await learner.GetPageAsync("/account/privacy/export")).QuerySelector("#part-insights")!.ParentElement!.TextContent;
        foreach (var expected in new[] { "计入项目统计的数据", "您每道测验题的第一次作答", "第一次答对", "lock-quiz" })
        {
            Assert.Contains(expected, page, StringComparison.Ordinal);
        }

        (await learner.GetAsync("/culture?culture=en&returnUrl=%2F")).Dispose();
        var english = (await learner.GetPageAsync("/account/privacy/export")).QuerySelector("#part-insights")!.ParentElement!.TextContent;
        Assert.Contains("Your first answer to each quiz question", english, StringComparison.Ordinal);
        Assert.Contains("Right the first time", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_an_account_leaves_no_insight_fact_with_their_id_and_the_programme_figures_stay()
    {
        var (courseId, _) = await site.PublishFixtureCourseWithUnitAsync();
        var (learner, id) = await ActiveLearnerAsync(courseId, "53");
        var before = await FiguresAsync(courseId, "53");

        using var deleted = await learner.SubmitAsync("/account/privacy/delete", "/account/privacy/delete", new Dictionary<string, string>());
        Assert.Equal("/account/privacy/deleted", deleted.Headers.Location!.OriginalString);

        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InsightsDbContext>();
        Assert.False(await db.Learners.AnyAsync(l => l.UserId == id));
        Assert.False(await db.Enrolments.AnyAsync(e => e.UserId == id));
        Assert.False(await db.Lessons.AnyAsync(l => l.UserId == id));
        Assert.False(await db.Answers.AnyAsync(a => a.UserId == id));
        Assert.False(await db.Awards.AnyAsync(a => a.UserId == id));
        Assert.False(await db.Attendances.AnyAsync(a => a.UserId == id));

        // One stand-in for all their facts, so they stay one learner; their profile answers are gone.
        var standIn = (await db.Enrolments.SingleAsync(e => e.CourseId == courseId)).UserId;
        Assert.StartsWith("erased:", standIn, StringComparison.Ordinal);
        Assert.Equal(2, await db.Lessons.CountAsync(l => l.UserId == standIn && l.CourseId == courseId));
        Assert.Equal(1, await db.Answers.CountAsync(a => a.UserId == standIn && a.CourseId == courseId));
        Assert.Equal(1, await db.Awards.CountAsync(a => a.UserId == standIn));
        Assert.Equal(1, await db.Attendances.CountAsync(a => a.UserId == standIn && a.ClassId == "class-of-53"));
        var learnerFact = await db.Learners.SingleAsync(l => l.UserId == standIn);
        Assert.Equal((null, null, null), (learnerFact.AgeBand, learnerFact.Region, learnerFact.OccupationGroup));
        Assert.NotNull(learnerFact.FirstActiveUtc);

        var after = await FiguresAsync(courseId, "53");
        Assert.Equal(before.Programme, after.Programme);
        Assert.Equal(before.Course, after.Course);
        Assert.Equal(before.InRegion - 1, after.InRegion);
    }

    /// <summary>A learner who told their profile (region as given), finished the course with its quiz and unit, and attended a class.</summary>
    private async Task<(HttpClient Learner, string Id)> ActiveLearnerAsync(string courseId, string region)
    {
        var (learner, email) = await site.LearnerAsync();
        (await learner.SubmitAsync("/account/privacy/about-you", "/account/privacy/about-you", new Dictionary<string, string>
        {
            ["AgeBand"] = "60-69", ["Region"] = region, ["OccupationGroup"] = "retired",
        })).Dispose();
        await learner.CompleteFixtureCourseAsync(courseId);
        await using var scope = site.Services.CreateAsyncScope();
        var id = (await scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>().FindByEmailAsync(email))!.Id;
        var classId = $"class-of-{region}";
        await site.PublishAsync(new LiveClassAttended(EventIds.For($"live-class-attended:{classId}:{id}"), id, classId, "课", 40, DateTime.UtcNow));
        return (learner, id);
    }

    /// <summary>The exact figures, read afresh: the programme's totals, the course's funnel and questions, and learners reached in the region.</summary>
    private async Task<(string Programme, string Course, long InRegion)> FiguresAsync(string courseId, string region)
    {
        var facts = await site.Services.GetRequiredService<FactSnapshot>().ReadAsync(CancellationToken.None);
        var exact = Aggregator.Compute(facts, Filter.All, Scope.Everything, Period.AllTime, FactSet.Day(DateTime.UtcNow), 12);
        var inRegion = exact.Breakdowns[Dimension.Region].SingleOrDefault(r => r.Key == region)?.Cells[Measure.Reached].Value ?? 0;
        var (funnel, _, questions) = Aggregator.Course(facts, courseId);
        static string Text(IEnumerable<ExactRow> rows) => string.Join("; ", rows.Select(r => $"{r.Key}: {string.Join(", ", r.Cells.OrderBy(c => c.Key).Select(c => $"{c.Key}={c.Value}"))}"));
        return (Text([exact.Total]), Text([.. funnel, .. questions]), inRegion);
    }
}
