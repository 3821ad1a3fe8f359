using System.Net;
using Literacy.Courses.Data;
using Literacy.CreditBank.Data;
using Literacy.Data;
using Literacy.Insights.Data;
using Literacy.Modules.People;
using Literacy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Web.Tests;

/// <summary>
/// Finishing a lesson and completing a course each commit with what insights counts of them: when the completion's fact
/// cannot be written the course is not completed (no credits follow, nothing counted), and the learner's next press of
/// the button completes it exactly once.
/// </summary>
public sealed class CompletionAtomicityTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_completion_that_cannot_be_counted_is_not_made_and_the_next_press_makes_it_once(DatabaseProvider provider)
    {
        // Insights' completion fact: the enrolment upsert that sets CompletedUtc.
        var failure = new FailingStatement(
            sql => sql.Contains("INSERT INTO \"InsightEnrolments\"", StringComparison.Ordinal) && sql.Contains("\"CompletedUtc\")", StringComparison.Ordinal),
            "the completion could not be counted.");
        await using var site = new FaultySite(provider, failure);
        var (courseId, unitId) = await site.PublishFixtureCourseWithUnitAsync();
        var (learner, email) = await site.LearnerAsync();
        var userId = (await site.Service<IPeople>().FindByEmailAsync(email, CancellationToken.None))!.Id;
        (await learner.SubmitAsync($"/courses/{courseId}", $"/courses/{courseId}/enrol", new Dictionary<string, string>())).Dispose();
        (await learner.AnswerQuizAsync(courseId, "check", "lock-quiz", new Dictionary<string, string> { ["q0"] = "1" })).Dispose();
        (await learner.FinishLessonAsync(courseId, "lock")).Dispose();

        failure.Armed = true;
        using (var last = await learner.FinishLessonAsync(courseId, "check"))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, last.StatusCode);
        }

        // The lesson itself was kept and counted (its own commit); the completion was neither made nor counted nor paid.
        Assert.Equal((2, 2, false, 0, 0), await StateAsync(site, userId, courseId, unitId));

        failure.Armed = false;
        (await learner.FinishLessonAsync(courseId, "check")).Dispose();
        (await learner.FinishLessonAsync(courseId, "check")).Dispose();
        Assert.Equal((2, 2, true, 1, 1), await StateAsync(site, userId, courseId, unitId));
    }

    /// <summary>Lessons done (courses, insights), the course completed (courses), completions counted (insights) and ledger entries for the unit.</summary>
    private static async Task<(int Lessons, int LessonsCounted, bool Completed, int CompletionsCounted, int Entries)> StateAsync(
        PlatformFactory site, string userId, string courseId, string unitId)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var courses = scope.ServiceProvider.GetRequiredService<CoursesDbContext>();
        var insights = scope.ServiceProvider.GetRequiredService<InsightsDbContext>();
        var bank = scope.ServiceProvider.GetRequiredService<CreditBankDbContext>();
        var account = bank.Accounts.Where(a => a.UserId == userId).Select(a => a.Id);
        return (
            await courses.LessonCompletions.CountAsync(l => l.UserId == userId && l.CourseId == courseId),
            await insights.Lessons.CountAsync(l => l.UserId == userId && l.CourseId == courseId),
            await courses.Enrolments.AnyAsync(e => e.UserId == userId && e.CourseId == courseId && e.CompletedUtc != null),
            await insights.Enrolments.CountAsync(e => e.UserId == userId && e.CourseId == courseId && e.CompletedUtc != null),
            await bank.Entries.CountAsync(e => e.UnitId == unitId && account.Contains(e.AccountId)));
    }
}
