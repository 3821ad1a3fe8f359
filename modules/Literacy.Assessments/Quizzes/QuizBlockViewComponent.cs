using System.Security.Claims;
using System.Text.Json;
using Literacy.Assessments.Data;
using Literacy.Modules.Lessons;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Literacy.Assessments.Quizzes;

/// <summary>Shows a quiz in a lesson: the learner's last result with feedback, and the form while tries are left.</summary>
public sealed class QuizBlockViewComponent(AssessmentsDbContext db, IMemoryCache cache) : ViewComponent
{
    // Compiled once: it runs for every quiz on every page a signed-in learner opens.
    private static readonly Func<AssessmentsDbContext, string, string, string, IAsyncEnumerable<(double Score, string ResultsJson)>> Attempts =
        EF.CompileAsyncQuery((AssessmentsDbContext db, string userId, string courseId, string quizId) =>
            db.Attempts.AsNoTracking()
                .Where(a => a.UserId == userId && a.CourseId == courseId && a.QuizId == quizId)
                .OrderByDescending(a => a.SubmittedUtc)
                .Select(a => ValueTuple.Create(a.Score, a.ResultsJson)));

    public async Task<IViewComponentResult> InvokeAsync(LessonBlock block)
    {
        // A version's quiz never changes: parse it once.
        var quiz = cache.GetOrCreate($"quiz:{block.CourseId}:{block.Version}:{block.BlockId}:{block.Culture}", _ => QuizDefinition.FromJson(block.Definition))!;
        var userId = UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier);
        var attempts = new List<(double Score, string ResultsJson)>();
        if (userId is not null)
        {
            await foreach (var attempt in Attempts(db, userId, block.CourseId, quiz.Id))
            {
                attempts.Add(attempt);
            }
        }

        var last = attempts.Count == 0 ? null : JsonSerializer.Deserialize<QuizResult>(attempts[0].ResultsJson);
        var left = quiz.Attempts is { } limit ? Math.Max(0, limit - attempts.Count) : (int?)null;
        return View(new QuizView(block, quiz, last, attempts.Count == 0 ? null : attempts.Max(a => a.Score), left, userId is not null, Guid.NewGuid()));
    }
}

public sealed record QuizView(LessonBlock Block, QuizDefinition Quiz, QuizResult? Last, double? Best, int? TriesLeft, bool SignedIn, Guid SubmissionId);
