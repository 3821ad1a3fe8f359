using System.Net;
using System.Text.Json;
using Literacy.Assessments.Data;
using Literacy.Courses.Data;
using Literacy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Web.Tests;

public sealed class SqliteOfflineReplayTests(SqliteSite site) : OfflineReplayTests(site), IClassFixture<SqliteSite>;

public sealed class PostgresOfflineReplayTests(PostgresSite site) : OfflineReplayTests(site), IClassFixture<PostgresSite>;

/// <summary>
/// What the phone's outbox does when the internet comes back: it sends a kept form again with the same submission id and
/// a fresh antiforgery token. The server must treat the repeat as already done, on each database provider.
/// </summary>
public abstract class OfflineReplayTests(PlatformFactory site)
{
    /// <summary>The form on a lesson page that posts to <paramref name="action"/>, with its hidden fields, as the outbox kept it.</summary>
    private static async Task<List<KeyValuePair<string, string>>> KeptFormAsync(HttpClient learner, string lessonUrl, string action)
    {
        var page = await learner.GetPageAsync(lessonUrl);
        var form = page.QuerySelector($"form[action='{action}']") ?? throw new InvalidOperationException($"{lessonUrl} has no form posting to {action}.");
        return form.QuerySelectorAll("input[type=hidden]").Select(i => KeyValuePair.Create(i.GetAttribute("name")!, i.GetAttribute("value")!)).ToList();
    }

    /// <summary>Sends a kept form again as the outbox does: the same fields and submission id, the token of a page opened now.</summary>
    private static async Task<HttpResponseMessage> ReplayAsync(HttpClient learner, string lessonUrl, string action, List<KeyValuePair<string, string>> kept)
    {
        var fresh = await KeptFormAsync(learner, lessonUrl, action);
        var fields = kept.Where(f => f.Key != "__RequestVerificationToken").Append(fresh.Single(f => f.Key == "__RequestVerificationToken"));
        return await learner.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    private async Task<T> InScopeAsync<T, TContext>(Func<TContext, Task<T>> query)
        where TContext : notnull
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TContext>());
    }

    [Fact]
    public async Task A_quiz_answer_sent_again_with_its_submission_id_is_graded_once_and_uses_one_try()
    {
        var id = await site.PublishFixtureCourseAsync();
        var (learner, _) = await site.LearnerAsync();
        var lesson = $"/courses/{id}/lessons/check";
        var action = $"/courses/{id}/quizzes/lock-quiz";
        var kept = await KeptFormAsync(learner, lesson, action);
        kept.Add(KeyValuePair.Create("q0", "1"));

        using var first = await learner.PostAsync(action, new FormUrlEncodedContent(kept));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        // The answer arrived but the phone never heard back: the outbox sends it again, twice.
        for (var i = 0; i < 2; i++)
        {
            using var again = await ReplayAsync(learner, lesson, action, kept);
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
            Assert.Equal($"{lesson}#quiz-lock-quiz", again.Headers.Location!.OriginalString);
        }

        Assert.Equal(1, await InScopeAsync((AssessmentsDbContext db) => db.Attempts.CountAsync(a => a.CourseId == id)));
        Assert.Contains("还可以答 2 次", (await learner.GetPageAsync(lesson)).QuerySelector(".quiz")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lesson_finished_again_with_its_submission_id_is_recorded_once_and_goes_on_to_the_next_lesson()
    {
        var id = await site.PublishFixtureCourseAsync();
        var (learner, _) = await site.LearnerAsync();
        var lesson = $"/courses/{id}/lessons/lock";
        var action = $"{lesson}/done";
        var kept = await KeptFormAsync(learner, lesson, action);
        Assert.True(Guid.TryParse(kept.Single(f => f.Key == "submissionId").Value, out _), "the finished form carries a submission id");

        using var first = await learner.PostAsync(action, new FormUrlEncodedContent(kept));
        using var again = await ReplayAsync(learner, lesson, action, kept);
        Assert.Equal($"/courses/{id}/lessons/check", first.Headers.Location!.OriginalString);
        Assert.Equal($"/courses/{id}/lessons/check", again.Headers.Location!.OriginalString);
        Assert.Equal(1, await InScopeAsync((CoursesDbContext db) => db.LessonCompletions.CountAsync(c => c.CourseId == id && c.LessonId == "lock")));
        Assert.Equal(1, await InScopeAsync((CoursesDbContext db) => db.Enrolments.CountAsync(e => e.CourseId == id)));
    }

    [Fact]
    public async Task Saving_a_course_for_offline_lists_its_page_and_lessons_in_order_and_the_worker_is_served_under_courses()
    {
        var id = await site.PublishFixtureCourseAsync();
        var visitor = site.Visitor();
        using var list = await visitor.GetAsync($"/courses/{id}/offline");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var json = JsonDocument.Parse(await list.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal($"/courses/{id}", json.GetProperty("course").GetString());
        Assert.Equal([$"/courses/{id}/lessons/lock", $"/courses/{id}/lessons/check"], json.GetProperty("lessons").EnumerateArray().Select(l => l.GetString()));

        using var worker = await visitor.GetAsync("/courses/offline-sw.js");
        Assert.Equal(HttpStatusCode.OK, worker.StatusCode);
        Assert.Equal("text/javascript", worker.Content.Headers.ContentType!.MediaType);
        Assert.Contains("addEventListener('fetch'", await worker.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var missing = await visitor.GetAsync("/courses/no-such-course/offline");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var course = await visitor.GetPageAsync($"/courses/{id}");
        Assert.NotNull(course.QuerySelector("section.save-offline[hidden][data-worker='/courses/offline-sw.js']"));
    }
}
