using System.Net;
using Literacy.Assessments.Data;
using Literacy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Web.Tests;

public sealed class SqliteQuizAttemptLimitTests(SqliteSite site) : QuizAttemptLimitTests(site), IClassFixture<SqliteSite>;

public sealed class PostgresQuizAttemptLimitTests(PostgresSite site) : QuizAttemptLimitTests(site), IClassFixture<PostgresSite>;

/// <summary>
/// A quiz's try limit decides the best score, and so completion and credits: it must hold when a learner sends several
/// tries at once (one per tab, each with its own submission id and answer), on each database provider.
/// </summary>
public abstract class QuizAttemptLimitTests(PlatformFactory site)
{
    private const int Tabs = 8;

    /// <summary>The fixture's quiz with one try and four answers, the right one second (q0 = 1).</summary>
    private static TestPackage OneTryOfFour(TestPackage package)
    {
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            package.Edit($"lessons/{culture}/02-check.md", md => md
                .Replace("attempts: 3", "attempts: 1", StringComparison.Ordinal)
                .Replace("(x) No\n", "(x) No\n( ) Only my family\n( ) Only the bank\n", StringComparison.Ordinal));
        }

        return package;
    }

    /// <summary>The quiz form of a tab, filled in with <paramref name="answer"/>, as the browser would send it.</summary>
    private static async Task<List<KeyValuePair<string, string>>> FilledFormAsync(HttpClient tab, string lesson, string action, int answer)
    {
        var page = await tab.GetPageAsync(lesson);
        var form = page.QuerySelector($"form[action='{action}']") ?? throw new InvalidOperationException($"{lesson} has no form posting to {action}.");
        return [.. form.QuerySelectorAll("input[type=hidden]").Select(i => KeyValuePair.Create(i.GetAttribute("name")!, i.GetAttribute("value")!)), KeyValuePair.Create("q0", $"{answer}")];
    }

    private static Guid SubmissionOf(List<KeyValuePair<string, string>> form) => Guid.Parse(form.Single(f => f.Key == "submissionId").Value);

    private async Task<List<QuizAttempt>> AttemptsAsync(string courseId)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AssessmentsDbContext>().Attempts.AsNoTracking().Where(a => a.CourseId == courseId).ToListAsync();
    }

    [Fact]
    public async Task Tries_sent_at_once_to_a_one_try_quiz_store_one_and_the_others_are_told_no_tries_are_left()
    {
        var id = await site.PublishFixtureCourseAsync(OneTryOfFour);
        var (learner, email) = await site.LearnerAsync();
        var lesson = $"/courses/{id}/lessons/check";
        var action = $"/courses/{id}/quizzes/lock-quiz";
        // Each tab signs in on its own, so the message each was given can be read from its own cookies afterwards.
        List<HttpClient> tabs = [learner];
        while (tabs.Count < Tabs)
        {
            var tab = site.Visitor();
            (await tab.SignInAsync(email)).Dispose();
            tabs.Add(tab);
        }

        var forms = await Task.WhenAll(tabs.Select((tab, i) => FilledFormAsync(tab, lesson, action, answer: i % 4)));
        Assert.Equal(4, (await learner.GetPageAsync(lesson)).QuerySelectorAll("input[name=q0]").Length);
        var sent = await Task.WhenAll(tabs.Select((tab, i) => tab.PostAsync(action, new FormUrlEncodedContent(forms[i]))));
        Assert.All(sent, r => Assert.Equal($"{lesson}#quiz-lock-quiz", r.Headers.Location!.OriginalString));

        var stored = Assert.Single(await AttemptsAsync(id));
        Assert.Equal(1, stored.Number);
        var winner = Array.FindIndex(forms, f => SubmissionOf(f) == stored.SubmissionId);
        Assert.Equal(winner % 4 == 1 ? 100 : 0, stored.Score);
        for (var i = 0; i < Tabs; i++)
        {
            var error = (await tabs[i].GetPageAsync(lesson)).QuerySelector("p.errors")?.TextContent;
            Assert.Equal(i == winner ? null : "这个测验的 1 次答题机会已经用完了。", error);
        }

        // The winning tab's form sent again (the outbox after a lost answer) is the same try: no message, its result shown.
        using var replay = await tabs[winner].PostAsync(action, new FormUrlEncodedContent(forms[winner]));
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        var after = await tabs[winner].GetPageAsync(lesson);
        Assert.Null(after.QuerySelector("p.errors"));
        Assert.Equal($"您上次的得分：{stored.Score} 分", after.QuerySelector(".quiz-result strong")!.TextContent);
        Assert.Equal(stored.Id, Assert.Single(await AttemptsAsync(id)).Id);
    }

    [Fact]
    public async Task Tries_sent_one_after_another_are_numbered_and_stop_at_the_limit()
    {
        var id = await site.PublishFixtureCourseAsync();
        var (learner, _) = await site.LearnerAsync();
        var lesson = $"/courses/{id}/lessons/check";
        var action = $"/courses/{id}/quizzes/lock-quiz";
        var form = await FilledFormAsync(learner, lesson, action, answer: 0);
        for (var i = 0; i < 4; i++)
        {
            form[form.FindIndex(f => f.Key == "submissionId")] = KeyValuePair.Create("submissionId", $"{Guid.NewGuid()}");
            (await learner.PostAsync(action, new FormUrlEncodedContent(form))).Dispose();
        }

        Assert.Equal([1, 2, 3], (await AttemptsAsync(id)).Select(a => a.Number).Order());
        Assert.Equal("这个测验的 3 次答题机会已经用完了。", (await learner.GetPageAsync(lesson)).QuerySelector("p.errors")?.TextContent);
    }

    [Fact]
    public async Task The_migration_numbers_earlier_tries_per_learner_and_quiz_in_the_order_they_were_sent()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssessmentsDbContext>();
        var migrator = db.GetService<IMigrator>();
        var course = $"numbered-{Guid.NewGuid():N}"[..24];
        var sent = new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);
        (string User, string Quiz, int Minute)[] tries = [("ana", "q1", 2), ("ana", "q1", 0), ("ben", "q1", 1), ("ana", "q2", 3), ("ana", "q1", 4)];
        await migrator.MigrateAsync("Initial");
        try
        {
            foreach (var (user, quiz, minute) in tries)
            {
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO "QuizAttempts" ("Id", "SubmissionId", "UserId", "CourseId", "QuizId", "Version", "Score", "AnswersJson", "ResultsJson", "SubmittedUtc")
                    VALUES ({Guid.NewGuid()}, {Guid.NewGuid()}, {user}, {course}, {quiz}, {"1.0.0"}, {0.0}, {"[]"}, {"{}"}, {sent.AddMinutes(minute)})
                    """);
            }
        }
        finally
        {
            await migrator.MigrateAsync();
        }

        var numbered = await db.Attempts.AsNoTracking().Where(a => a.CourseId == course).OrderBy(a => a.SubmittedUtc).Select(a => $"{a.UserId} {a.QuizId} {a.Number}").ToListAsync();
        Assert.Equal(["ana q1 1", "ben q1 1", "ana q1 2", "ana q2 1", "ana q1 3"], numbered);
    }
}
