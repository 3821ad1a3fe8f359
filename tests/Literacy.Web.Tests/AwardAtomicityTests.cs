using Literacy.CreditBank.Data;
using Literacy.Data;
using Literacy.Insights.Data;
using Literacy.Modules.Events;
using Literacy.Modules.People;
using Literacy.Testing;
using Literacy.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Web.Tests;

/// <summary>
/// An award, its audit line and its insights fact are one commit: when the line cannot be written, the award is not made
/// either (no credits without a record of them, no fact counted for an award not made), and the same completion delivered
/// again later makes it exactly once, with its line and its fact.
/// </summary>
public sealed class AwardAtomicityTests
{
    private static FailingStatement FailAuditInserts() =>
        new(sql => sql.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal), "the audit line could not be written.");

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task An_award_whose_audit_line_cannot_be_written_is_not_made_and_is_made_once_when_delivered_again(DatabaseProvider provider)
    {
        var failure = FailAuditInserts();
        await using var site = new FaultySite(provider, failure);
        var (courseId, unitId) = await site.PublishFixtureCourseWithUnitAsync();
        var (learner, email) = await site.LearnerAsync();
        var userId = (await site.Service<IPeople>().FindByEmailAsync(email, CancellationToken.None))!.Id;
        var completed = new CourseCompleted(EventIds.For($"course-completed:{userId}:{courseId}"), userId, courseId, "1.0.0", 100, 2, DateTime.UtcNow);

        failure.Armed = true;
        await Assert.ThrowsAsync<IOException>(() => site.PublishAsync(completed));
        Assert.Equal((0, 0, 0, 0), await CountsAsync(site, userId, unitId));

        failure.Armed = false;
        await site.PublishAsync(completed);
        await site.PublishAsync(completed);
        Assert.Equal((1, 1, 1, 1), await CountsAsync(site, userId, unitId));
        var account = await learner.GetPageAsync("/credits");
        Assert.Contains("3", account.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>
    /// The completion commits first and its award after it, so a failed award (or a stop between the two) leaves the course
    /// completed and unpaid; the credit bank's sweep for missed completions pays it, once, however often it runs.
    /// </summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_completion_whose_award_failed_is_paid_by_the_sweep_for_missed_completions_once(DatabaseProvider provider)
    {
        var failure = FailAuditInserts();
        await using var site = new FaultySite(provider, failure);
        var (courseId, unitId) = await site.PublishFixtureCourseWithUnitAsync();
        var (learner, email) = await site.LearnerAsync();
        var userId = (await site.Service<IPeople>().FindByEmailAsync(email, CancellationToken.None))!.Id;

        failure.Armed = true;
        await learner.CompleteFixtureCourseAsync(courseId);
        Assert.Equal((0, 0, 0, 0), await CountsAsync(site, userId, unitId));

        failure.Armed = false;
        Assert.True(await site.RunJobAsync("credit-bank.missed-completions"));
        Assert.True(await site.RunJobAsync("credit-bank.missed-completions"));
        Assert.Equal((1, 1, 1, 1), await CountsAsync(site, userId, unitId));
        var account = await learner.GetPageAsync("/credits");
        Assert.Contains("3", account.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>
    /// Attended minutes are counted before the award, so a failed award leaves them counted and the unit unpaid; the live
    /// classes module tells the attendance again (it was not marked told), and that delivery pays the unit, once.
    /// </summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Live_class_minutes_whose_award_failed_are_paid_when_the_attendance_is_told_again(DatabaseProvider provider)
    {
        const string unitId = "live-class-learner"; // content/frameworks/units.json: 120 minutes of live classes
        var failure = FailAuditInserts();
        await using var site = new FaultySite(provider, failure);
        var (learner, email) = await site.LearnerAsync();
        var userId = (await site.Service<IPeople>().FindByEmailAsync(email, CancellationToken.None))!.Id;
        var attended = new LiveClassAttended(EventIds.For($"live-class-attended:class-1:{userId}"), userId, "class-1", "防骗直播课", 150, DateTime.UtcNow);

        failure.Armed = true;
        await Assert.ThrowsAsync<IOException>(() => site.PublishAsync(attended));
        Assert.Equal((0, 0, 0, 0), await CountsAsync(site, userId, unitId));

        failure.Armed = false;
        await site.PublishAsync(attended);
        await site.PublishAsync(attended);
        Assert.Equal((1, 1, 1, 1), await CountsAsync(site, userId, unitId));
        var account = await learner.GetPageAsync("/credits");
        Assert.Contains("参加直播课学习", account.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>The learner's ledger entries and credentials for the unit, the audit lines and the insights facts that record them.</summary>
    private static async Task<(int Entries, int Credentials, int AuditLines, int InsightsFacts)> CountsAsync(PlatformFactory site, string userId, string unitId)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var bank = scope.ServiceProvider.GetRequiredService<CreditBankDbContext>();
        var account = bank.Accounts.Where(a => a.UserId == userId).Select(a => a.Id);
        var platform = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        return (
            await bank.Entries.CountAsync(e => e.UnitId == unitId && account.Contains(e.AccountId)),
            await bank.Credentials.CountAsync(c => c.UnitId == unitId && account.Contains(c.AccountId)),
            await platform.AuditEntries.CountAsync(a => a.Action == "credits.awarded" && a.Target == userId && a.Details!.StartsWith(unitId)),
            await scope.ServiceProvider.GetRequiredService<InsightsDbContext>().Awards.CountAsync(a => a.UserId == userId && a.UnitId == unitId));
    }
}
