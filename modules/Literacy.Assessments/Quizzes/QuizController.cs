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
        if (submissionId == Guid.Empty || await db.Attempts.AnyAsync(a => a.UserId == userId && a.SubmissionId == submissionId, cancellationToken))
        {
            return Redirect(back); // the same form sent twice (a double tap, a replay): graded once
        }

        var quiz = QuizDefinition.FromJson(block.Definition);
        var used = await db.Attempts.CountAsync(a => a.UserId == userId && a.CourseId == courseId && a.QuizId == quizId, cancellationToken);
        if (quiz.Attempts is { } limit && used >= limit)
        {
            TempData["Error"] = T["You have used all {0} tries of this quiz.", limit].Value;
            return Redirect(back);
        }

        var answers = quiz.Questions.Select((q, i) => new Answer(q.Kind == QuestionKind.Ordering
            ? Enumerable.Range(0, q.Options.Count).Select(k => Request.Form[$"q{i}-{k}"].ToString()).ToList()
            : Request.Form[$"q{i}"].Select(v => v ?? string.Empty).ToList())).ToList();
        var result = QuizScoring.Grade(quiz, answers);
        var submitted = clock.GetUtcNow().UtcDateTime;
        db.Attempts.Add(new QuizAttempt
        {
            Id = Guid.NewGuid(), SubmissionId = submissionId, UserId = userId, CourseId = courseId, QuizId = quizId, Version = block.Version,
            Score = result.Score, AnswersJson = JsonSerializer.Serialize(answers), ResultsJson = JsonSerializer.Serialize(result), SubmittedUtc = submitted,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Redirect(back); // a concurrent copy of this submission was stored first
        }

        await events.PublishAsync(new QuizSubmitted(EventIds.For($"quiz:{userId}:{submissionId}"), userId, courseId, quizId, result.Score), cancellationToken);
        await events.PublishAsync(new QuizQuestionsGraded(EventIds.For($"quiz-questions:{userId}:{submissionId}"), userId, courseId, quizId, [.. result.Questions.Select(q => q.Right)], submitted), cancellationToken);
        return Redirect(back);
    }
}
