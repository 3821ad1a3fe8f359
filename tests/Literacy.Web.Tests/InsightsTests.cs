using System.Globalization;
using System.Net;
using System.Text;
using Literacy.Data;
using Literacy.Insights.Data;
using Literacy.Insights.Reports;
using Literacy.Modules.Events;
using Literacy.Modules.Jobs;
using Literacy.Modules.People;
using Literacy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Web.Tests;

/// <summary>A site whose insights read the facts afresh on every page, so a test sees what it just did.</summary>
public sealed class SqliteInsightsSite : PlatformFactory
{
    public SqliteInsightsSite()
        : base(TestDatabase.Create(DatabaseProvider.Sqlite)) => Settings["Insights:RefreshSeconds"] = "0";
}

public sealed class PostgresInsightsSite : PlatformFactory
{
    public PostgresInsightsSite()
        : base(TestDatabase.Create(DatabaseProvider.PostgreSql)) => Settings["Insights:RefreshSeconds"] = "0";
}

public sealed class SqliteInsightsTests(SqliteInsightsSite site) : InsightsTests(site), IClassFixture<SqliteInsightsSite>;

public sealed class PostgresInsightsTests(PostgresInsightsSite site) : InsightsTests(site), IClassFixture<PostgresInsightsSite>;

/// <summary>
/// Insights on each database: facts kept from the other modules' events, protected figures, trainer scoping and the monthly
/// report. Each test keeps to a region (or a class, or a month) of its own, so the tests of one site do not see each other's learners.
/// </summary>
public abstract class InsightsTests(PlatformFactory site)
{
    private async Task<TResult> InScopeAsync<TResult>(Func<InsightsDbContext, Task<TResult>> work)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<InsightsDbContext>());
    }

    /// <summary>A learner who told their profile and enrolled in a bundled course on the given day; returns their id.</summary>
    private async Task<string> LearnerAsync(string? group, string region, string? age, DateTime enrolledUtc, string course = "stop-fraud")
    {
        var id = $"learner-{Guid.NewGuid():N}";
        await site.PublishAsync(new LearnerProfileChanged(EventIds.For($"profile:{id}"), id, new LearnerProfile(age, region, group)));
        await site.RecordAsync(new CourseEnrolled(EventIds.For($"course-enrolled:{id}:{course}"), id, course, enrolledUtc));
        return id;
    }

    [Fact]
    public async Task Learning_on_the_site_becomes_insight_facts_and_a_repeated_event_counts_once()
    {
        var (courseId, unitId) = await site.PublishFixtureCourseWithUnitAsync();
        var (learner, _) = await site.LearnerAsync("周阿姨");
        await learner.CompleteFixtureCourseAsync(courseId);

        var enrolment = await InScopeAsync(db => db.Enrolments.SingleAsync(e => e.CourseId == courseId));
        Assert.Equal(2, enrolment.LessonsDone);
        Assert.Equal("check", enrolment.LastLessonId);
        Assert.NotNull(enrolment.CompletedUtc);
        Assert.Equal(2, await InScopeAsync(db => db.Lessons.CountAsync(l => l.CourseId == courseId)));
        var answer = await InScopeAsync(db => db.Answers.SingleAsync(a => a.CourseId == courseId));
        Assert.Equal(("lock-quiz", 1, true), (answer.QuizId, answer.Question, answer.Right));
        var award = await InScopeAsync(db => db.Awards.SingleAsync(a => a.UnitId == unitId));
        Assert.Equal(("4", 1, 3), (award.Area, award.Level, award.Credits));
        Assert.NotNull((await InScopeAsync(db => db.Learners.SingleAsync(l => l.UserId == enrolment.UserId))).FirstActiveUtc);

        // The same facts again (a retried delivery): nothing counts twice.
        var userId = enrolment.UserId;
        await site.RecordAsync(new LessonCompleted(EventIds.For($"lesson-completed:{userId}:{courseId}:lock"), userId, courseId, "lock", DateTime.UtcNow));
        await site.RecordAsync(new CourseEnrolled(EventIds.For($"course-enrolled:{userId}:{courseId}"), userId, courseId, DateTime.UtcNow));
        var attended = new LiveClassAttended(EventIds.For($"live-class-attended:c-{courseId}:{userId}"), userId, $"c-{courseId}", "课", 40, DateTime.UtcNow);
        await site.PublishAsync(attended);
        await site.PublishAsync(attended);
        Assert.Equal(2, (await InScopeAsync(db => db.Enrolments.SingleAsync(e => e.CourseId == courseId))).LessonsDone);
        Assert.Equal(1, await InScopeAsync(db => db.Enrolments.CountAsync(e => e.CourseId == courseId)));
        Assert.Equal(1, await InScopeAsync(db => db.Attendances.CountAsync(a => a.UserId == userId)));
    }

    [Fact]
    public async Task The_dashboard_shows_rounded_figures_holds_back_small_ones_and_filters_cannot_single_out_a_learner()
    {
        // Tibet (54): one farmer aged 70 or more, seven industrial workers, five retired people, in a course that earns no
        // unit (these learners have no accounts for the credit bank to pay); four of the workers complete it.
        var now = DateTime.UtcNow;
        const string course = "local-course";
        await LearnerAsync("farmer", "54", "70-plus", now, course);
        for (var i = 0; i < 7; i++)
        {
            var id = await LearnerAsync("industrial-worker", "54", "30-44", now, course);
            if (i < 4)
            {
                await site.RecordAsync(new CourseCompleted(EventIds.For($"course-completed:{id}:{course}"), id, course, "1.0.0", 90, 2, now));
            }
        }

        for (var i = 0; i < 5; i++)
        {
            await LearnerAsync("retired", "54", "60-69", now, course);
        }

        var admin = await site.AdminAsync();
        var page = await admin.GetPageAsync("/admin/insights?region=54");
        string Figure(string name) => page.QuerySelectorAll(".key-figures div").Single(d => d.QuerySelector("dt")!.TextContent == name).QuerySelector("dd")!.TextContent;
        Assert.Equal("15", Figure("覆盖学员")); // 13, rounded
        Assert.Equal("15", Figure("报名人次"));
        Assert.Equal("不足5人", Figure("学完人次")); // 4
        Assert.Equal("不显示", Figure("完成率"));

        var byGroup = page.QuerySelector("#caption-by-group")!.ParentElement!;
        string Cell(string row) => byGroup.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == row).QuerySelectorAll("td")[0].TextContent;
        Assert.Equal("不足5人", Cell("农民"));
        Assert.Equal("不足5人", Cell("退休人员")); // five, held with the lone small cell so that 15 − 5 − 5 gives nothing away
        Assert.Equal("5", Cell("产业工人"));
        Assert.NotNull(byGroup.QuerySelector("svg[role=img] title"));
        Assert.Contains("不足5人", byGroup.QuerySelector("svg")!.TextContent, StringComparison.Ordinal);

        // Narrowing the filters down to the farmer shows nothing at all.
        foreach (var narrow in new[] { "/admin/insights?region=54&group=farmer", "/admin/insights?region=54&ageBand=70-plus", "/admin/insights?region=54&group=farmer&ageBand=70-plus" })
        {
            var singled = await admin.GetPageAsync(narrow);
            Assert.Contains("不足5人，所以不显示数字", singled.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
            Assert.Empty(singled.QuerySelectorAll(".key-figures"));
            using var csv = await admin.GetAsync(narrow.Replace("/admin/insights?", "/admin/insights/csv/totals?", StringComparison.Ordinal));
            var lines = (await csv.Content.ReadAsStringAsync()).Trim('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.All(lines[1].Split(',').Skip(1), cell => Assert.True(cell is "不足5人" or "不显示", narrow));
        }

        // The CSV holds what the page shows, no more.
        using var groups = await admin.GetAsync("/admin/insights/csv/by-group?region=54");
        Assert.Equal("text/csv", groups.Content.Headers.ContentType!.MediaType);
        var text = Encoding.UTF8.GetString(await groups.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFF人群,覆盖学员,报名人次", text, StringComparison.Ordinal);
        Assert.Contains("\r\n农民,不足5人,", text, StringComparison.Ordinal);
        Assert.Contains("\r\n产业工人,5,5,", text, StringComparison.Ordinal);

        using var unknown = await admin.GetAsync("/admin/insights?region=99");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("筛选条件无法识别", (await unknown.ParseAsync()).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);

        var (learner, _) = await site.LearnerAsync();
        using var denied = await learner.GetAsync("/admin/insights");
        Assert.Equal("/account/denied", denied.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task A_trainer_sees_only_the_classes_they_run_and_the_courses_they_are_assigned_and_no_reports()
    {
        var (trainer, trainerEmail) = await site.TrainerAsync("钱老师");
        var own = await trainer.ScheduleClassAsync(LiveClassSetup.ClassFields(site, TimeSpan.FromDays(1)));
        var now = DateTime.UtcNow;
        for (var i = 0; i < 6; i++)
        {
            var id = $"learner-{Guid.NewGuid():N}";
            await site.PublishAsync(new LiveClassAttended(EventIds.For($"live-class-attended:{own}:{id}"), id, own, "课", 30, now));
            var elsewhere = $"learner-{Guid.NewGuid():N}";
            await site.PublishAsync(new LiveClassAttended(EventIds.For($"live-class-attended:someone-else:{elsewhere}"), elsewhere, "someone-elses-class", "课", 30, now));
            await site.PublishAsync(new LiveClassAttended(EventIds.For($"live-class-attended:another:{elsewhere}"), elsewhere, "another-class", "课", 30, now));
        }

        var page = await trainer.GetPageAsync("/admin/insights");
        Assert.Equal("您的课程和直播课数据", page.QuerySelector("h1")!.TextContent);
        string Figure(string name) => page.QuerySelectorAll(".key-figures div").Single(d => d.QuerySelector("dt")!.TextContent == name).QuerySelector("dd")!.TextContent;
        Assert.Equal("5", Figure("直播课出勤人次")); // six in their class, rounded; the twelve elsewhere are not theirs
        Assert.Equal("5", Figure("覆盖学员"));
        Assert.DoesNotContain(page.QuerySelectorAll(".key-figures dt"), dt => dt.TextContent == "获得的学分");
        Assert.Empty(page.QuerySelectorAll("a[href='/admin/insights/courses/stop-fraud']"));

        using var course = await trainer.GetAsync("/admin/insights/courses/stop-fraud");
        Assert.Equal(HttpStatusCode.NotFound, course.StatusCode);
        using var reports = await trainer.GetAsync("/admin/insights/reports");
        Assert.Equal("/account/denied", reports.Headers.Location?.AbsolutePath);

        var admin = await site.AdminAsync();
        (await admin.SubmitAsync("/admin/courses", "/admin/courses/stop-fraud/trainers", new Dictionary<string, string> { ["email"] = trainerEmail })).Dispose();
        using var assigned = await trainer.GetAsync("/admin/insights/courses/stop-fraud");
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.NotEmpty((await trainer.GetPageAsync("/admin/insights")).QuerySelectorAll("a[href='/admin/insights/courses/stop-fraud']"));
    }

    [Fact]
    public async Task The_monthly_report_job_keeps_a_dated_snapshot_with_a_summary_of_the_change_and_its_tables_as_csv()
    {
        // Qinghai (63): six enrolments the month before last, twelve last month.
        var thisMonth = new DateTime(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var (before, last) = (thisMonth.AddMonths(-2), thisMonth.AddMonths(-1));
        for (var i = 0; i < 6; i++)
        {
            await LearnerAsync("farmer", "63", "45-59", before.AddDays(3).AddHours(i));
        }

        for (var i = 0; i < 12; i++)
        {
            await LearnerAsync("farmer", "63", "45-59", last.AddDays(10).AddHours(i), "smartphone-basics");
        }

        await using (var scope = site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReportWriter>().WriteAsync(DateOnly.FromDateTime(before), CancellationToken.None);
        }

        for (var run = 0; run < 2; run++)
        {
            // Resolved and run as the host's scheduler does: in a fresh scope. Running it again writes the same month again.
            await using var scope = site.Services.CreateAsyncScope();
            var job = scope.ServiceProvider.GetServices<IRecurringJob>().Single(j => j.Id == "insights.monthly-report");
            Assert.Equal("Insights", job.FeatureId);
            await job.RunAsync(CancellationToken.None);
        }

        var month = last.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var report = await InScopeAsync(db => db.Reports.SingleAsync(r => r.Month == month));
        Assert.Contains("Enrolments: 10 this month, 100% more than the month before (5).", report.SummaryEn, StringComparison.Ordinal);
        Assert.Contains("报名人次：本月10，比上个月（5）多100%。", report.SummaryZh, StringComparison.Ordinal);
        Assert.Contains("This is the first report", (await InScopeAsync(db => db.Reports.SingleAsync(r => r.Month == before.ToString("yyyy-MM", CultureInfo.InvariantCulture)))).SummaryEn, StringComparison.Ordinal);
        Assert.Equal(2, await InScopeAsync(db => db.Reports.CountAsync()));

        var admin = await site.AdminAsync();
        var list = await admin.GetPageAsync("/admin/insights/reports");
        Assert.NotNull(list.QuerySelector($"a[href='/admin/insights/reports/{month}']"));
        var shown = await admin.GetPageAsync($"/admin/insights/reports/{month}");
        Assert.Contains("报名人次：本月10", shown.QuerySelector("#summary")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"数字素养发展水平报告（{month}）", shown.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        using var csv = await admin.GetAsync($"/admin/insights/reports/{month}/csv/by-region");
        Assert.Contains("\r\n青海,20,20,", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal); // eighteen learners and enrolments, rounded
        using var english = await admin.GetAsync($"/admin/insights/reports/{month}?culture=en");
        Assert.Contains("Enrolments: 10 this month", await english.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
