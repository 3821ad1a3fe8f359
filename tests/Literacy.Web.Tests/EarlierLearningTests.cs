using System.Net;
using Literacy.CreditBank.Data;
using Literacy.Data;
using Literacy.Modules.Events;
using Literacy.Modules.People;
using Literacy.Testing;
using Literacy.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Web.Tests;

/// <summary>
/// A unit added after learners finished its course pays them only when an administrator says so, after seeing how many
/// they are: the sweep for missed awards leaves them alone, the unit's page offers them, and asking twice pays once.
/// </summary>
public sealed class EarlierLearningTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Learners_who_finished_before_a_unit_existed_get_it_once_when_an_administrator_awards_it(DatabaseProvider provider)
    {
        await using var site = PlatformFactory.On(provider);
        site.Settings["CreditBank:EarlierAwardsPerBatch"] = "1"; // a batch per learner: the second goes on where the first stopped
        var courseId = await site.PublishFixtureCourseAsync();
        var (first, _) = await site.LearnerAsync();
        var (second, _) = await site.LearnerAsync();
        await first.CompleteFixtureCourseAsync(courseId);
        await second.CompleteFixtureCourseAsync(courseId);

        var unitId = $"unit-{courseId}";
        var unitPage = $"/admin/credits/units/{unitId}";
        var admin = await site.AdminAsync();
        using (var saved = await admin.SubmitAsync("/admin/credits/units/new", "/admin/credits/units", Learning.UnitFields(unitId, courseId)))
        {
            Assert.Equal($"{unitPage}#earlier", saved.Headers.Location?.OriginalString);
        }

        Assert.True(await site.RunJobAsync("credit-bank.missed-completions"));
        Assert.Equal((0, 0), await PaidAsync(site, unitId));

        var offer = (await admin.GetPageAsync(unitPage)).QuerySelector("section[aria-labelledby=earlier]");
        Assert.Contains("2", offer!.QuerySelector("button")!.TextContent, StringComparison.Ordinal);

        using (var asked = await admin.PostWithTokenAsync(unitPage, $"{unitPage}/earlier-learning"))
        {
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        }

        await PaidInTimeAsync(site, unitId, (2, 2));
        var account = await first.GetPageAsync("/credits");
        Assert.Contains("手机安全", account.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var after = await admin.GetPageAsync(unitPage);
        Assert.Null(after.QuerySelector("section[aria-labelledby=earlier]"));
        using (var again = await admin.PostWithTokenAsync(unitPage, $"{unitPage}/earlier-learning"))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        Assert.Contains("无需操作", (await admin.GetPageAsync(unitPage)).QuerySelector("p.success")!.TextContent, StringComparison.Ordinal);
        Assert.Equal((2, 2), await PaidAsync(site, unitId));
        await using var scope = site.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().AuditEntries
            .CountAsync(a => a.Action == "unit.earlier-learning-awarded" && a.Target == unitId));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_unit_whose_course_learners_finished_afterwards_has_nothing_to_offer(DatabaseProvider provider)
    {
        await using var site = PlatformFactory.On(provider);
        var (courseId, unitId) = await site.PublishFixtureCourseWithUnitAsync();
        var (learner, _) = await site.LearnerAsync();
        await learner.CompleteFixtureCourseAsync(courseId);

        Assert.Equal((1, 1), await PaidAsync(site, unitId));
        var admin = await site.AdminAsync();
        Assert.Null((await admin.GetPageAsync($"/admin/credits/units/{unitId}")).QuerySelector("section[aria-labelledby=earlier]"));
    }

    /// <summary>
    /// A live-class unit added later counts only the minutes attended since; the minutes from before are the
    /// administrator's to recognise, and then the learner has it once, with all their minutes as its evidence.
    /// </summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Live_class_minutes_from_before_a_unit_count_for_it_only_when_an_administrator_awards_them(DatabaseProvider provider)
    {
        await using var site = PlatformFactory.On(provider);
        var (learner, email) = await site.LearnerAsync();
        var userId = (await site.Service<IPeople>().FindByEmailAsync(email, CancellationToken.None))!.Id;
        Task AttendAsync(string classId, int minutes) =>
            site.PublishAsync(new LiveClassAttended(EventIds.For($"attended:{classId}:{userId}"), userId, classId, "防诈骗直播课", minutes, DateTime.UtcNow));
        await AttendAsync("before", 150);

        const string unitId = "live-class-regular";
        var unitPage = $"/admin/credits/units/{unitId}";
        var admin = await site.AdminAsync();
        var fields = Learning.UnitFields(unitId, courseId: "");
        (fields["rule"], fields["minutes"]) = ("LiveClassMinutes", "100");
        using (var saved = await admin.SubmitAsync("/admin/credits/units/new", "/admin/credits/units", fields))
        {
            Assert.Equal($"{unitPage}#earlier", saved.Headers.Location?.OriginalString);
        }

        await AttendAsync("after", 30); // 180 minutes in all, 30 of them under the unit's rule
        Assert.Equal((0, 0), await PaidAsync(site, unitId));
        var offer = (await admin.GetPageAsync(unitPage)).QuerySelector("section[aria-labelledby=earlier]");
        Assert.Contains("100", offer!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1", offer.QuerySelector("button")!.TextContent, StringComparison.Ordinal);

        (await admin.PostWithTokenAsync(unitPage, $"{unitPage}/earlier-learning")).Dispose();
        await PaidInTimeAsync(site, unitId, (1, 1));
        var account = await learner.GetPageAsync("/credits");
        Assert.Contains("参加直播课：180 分钟", account.QuerySelector("table")!.TextContent, StringComparison.Ordinal);

        await AttendAsync("later", 100); // now 130 minutes under the rule: the unit is had already
        Assert.Equal((1, 1), await PaidAsync(site, unitId));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Raising_a_live_class_units_minutes_keeps_the_minutes_attended_under_it(DatabaseProvider provider)
    {
        await using var site = PlatformFactory.On(provider);
        var (_, email) = await site.LearnerAsync();
        var userId = (await site.Service<IPeople>().FindByEmailAsync(email, CancellationToken.None))!.Id;
        Task AttendAsync(string classId, int minutes) =>
            site.PublishAsync(new LiveClassAttended(EventIds.For($"attended:{classId}:{userId}"), userId, classId, "防诈骗直播课", minutes, DateTime.UtcNow));

        const string unitId = "live-class-regular";
        var admin = await site.AdminAsync();
        var fields = Learning.UnitFields(unitId, courseId: "");
        (fields["rule"], fields["minutes"]) = ("LiveClassMinutes", "100");
        (await admin.SubmitAsync("/admin/credits/units/new", "/admin/credits/units", fields)).Dispose();
        await AttendAsync("first", 60);

        fields["minutes"] = "120";
        fields.Remove("id");
        using (var raised = await admin.SubmitAsync($"/admin/credits/units/{unitId}", $"/admin/credits/units/{unitId}", fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        }

        await AttendAsync("second", 60);
        Assert.Equal((1, 1), await PaidAsync(site, unitId));
    }

    /// <summary>The unit's ledger entries and credentials, all learners together.</summary>
    private static async Task<(int Entries, int Credentials)> PaidAsync(PlatformFactory site, string unitId)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var bank = scope.ServiceProvider.GetRequiredService<CreditBankDbContext>();
        return (await bank.Entries.CountAsync(e => e.UnitId == unitId), await bank.Credentials.CountAsync(c => c.UnitId == unitId));
    }

    /// <summary>The awards are made in the background: waits up to 30 s for them.</summary>
    private static async Task PaidInTimeAsync(PlatformFactory site, string unitId, (int, int) expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await PaidAsync(site, unitId) != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(expected, await PaidAsync(site, unitId));
    }
}
