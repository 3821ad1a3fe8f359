using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Literacy.Assessments.Data;
using Literacy.Modules.Events;
using Literacy.Modules.Lessons;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Literacy.Assessments.Quizzes;

/// <summary>Grades a submitted quiz on the server and goes back to the lesson, where the result and feedback are shown.</summary>
[Authorize]
[Route("courses/{courseId}/quizzes/{quizId}")]
public sealed class QuizController(ICourseContent content, AssessmentsDbContext db, DomainEvents events, TimeProvider clock, IStringLocalizer<AssessmentsModule> T) : Controller
{
    [HttpPost("")]
    public async Task<IActionResult> Submit(string courseId, string quizId, Guid submissionId, CancellationToken cancellationToken)
    {
        var block = await content.FindPublishedBlockAsync(courseId, quizId, CultureInfo.CurrentUICulture.Name, cancellationToken);
        if (block is null || block.Type != "quiz")
        {
            return NotFound();
        }

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var back = $"/courses/{courseId}/lessons/{block.LessonId}#quiz-{quizId}";
        if (submissionId == Guid.Empty)
        {
            return Redirect(back);
        }

        var quiz = QuizDefinition.FromJson(block.Definition);
        var answers = quiz.Questions.Select((q, i) => new Answer(q.Kind == QuestionKind.Ordering
            ? Enumerable.Range(0, q.Options.Count).Select(k => Request.Form[$"q{i}-{k}"].ToString()).ToList()
            : Request.Form[$"q{i}"].Select(v => v ?? string.Empty).ToList())).ToList();
        var result = QuizScoring.Grade(quiz, answers);
        var submitted = clock.GetUtcNow().UtcDateTime;
        var attempt = new QuizAttempt
        {
            Id = Guid.NewGuid(), SubmissionId = submissionId, UserId = userId, CourseId = courseId, QuizId = quizId, Version = block.Version,
            Score = result.Score, AnswersJson = JsonSerializer.Serialize(answers), ResultsJson = JsonSerializer.Serialize(result), SubmittedUtc = submitted,
        };
        switch (await StoreAsync(attempt, quiz.Attempts, retry: true, cancellationToken))
        {
            case Stored.AlreadyGraded:
                return Redirect(back); // the same form sent twice (a double tap, a replay): graded once
            case Stored.NoTriesLeft:
                TempData["Error"] = T["You have used all {0} tries of this quiz.", quiz.Attempts!.Value].Value;
                return Redirect(back);
        }

        await events.PublishAsync(new QuizSubmitted(EventIds.For($"quiz:{userId}:{submissionId}"), userId, courseId, quizId, result.Score), cancellationToken);
        await events.PublishAsync(new QuizQuestionsGraded(EventIds.For($"quiz-questions:{userId}:{submissionId}"), userId, courseId, quizId, [.. result.Questions.Select(q => q.Right)], submitted), cancellationToken);
        return Redirect(back);
    }

    /// <summary>
    /// Stores the attempt as the learner's next try of the quiz. Its number is unique per learner and quiz, so of two tries
    /// sent at once for the same number one fails on the index and looks again: it then finds the other and is the try after
    /// it, or none left, or its own copy stored already.
    /// </summary>
    private async Task<Stored> StoreAsync(QuizAttempt attempt, int? limit, bool retry, CancellationToken cancellationToken)
    {
        if (await db.Attempts.AnyAsync(a => a.UserId == attempt.UserId && a.SubmissionId == attempt.SubmissionId, cancellationToken))
        {
            return Stored.AlreadyGraded;
        }

        // Numbers are never reused, so the next is one past the highest: a try is refused rather than stored past the limit.
        var last = await db.Attempts.Where(a => a.UserId == attempt.UserId && a.CourseId == attempt.CourseId && a.QuizId == attempt.QuizId)
            .MaxAsync(a => (int?)a.Number, cancellationToken) ?? 0;
        if (limit is { } tries && last >= tries)
        {
            return Stored.NoTriesLeft;
        }

        attempt.Number = last + 1;
        db.Attempts.Add(attempt);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Stored.Graded;
        }
        catch (DbUpdateException) when (retry)
        {
            db.ChangeTracker.Clear(); // else the refused insert is sent again
            return await StoreAsync(attempt, limit, retry: false, cancellationToken);
        }
    }

    private enum Stored
    {
        Graded,
        AlreadyGraded,
        NoTriesLeft,
    }
}
