using System.Security.Claims;
using System.Text.Json;
using Literacy.Assessments.Data;
using Literacy.Data;
using Literacy.Modules.Lessons;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Literacy.Assessments.Quizzes;

/// <summary>Shows a quiz in a lesson: the learner's last result with feedback, and the form while tries are left.</summary>
public sealed class QuizBlockViewComponent(AssessmentsDbContext db, IMemoryCache cache) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(LessonBlock block)
    {
        // A version's quiz never changes: parse it once.
        var quiz = cache.GetOrCreate($"quiz:{block.CourseId}:{block.Version}:{block.BlockId}:{block.Culture}", _ => QuizDefinition.FromJson(block.Definition))!;
        var userId = UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier);
        var attempts = userId is null ? [] : await AttemptsOf.For(db)(db, userId, block.CourseId, quiz.Id).ToListAsync();

        var last = attempts.Count == 0 ? null : JsonSerializer.Deserialize<QuizResult>(attempts[0].ResultsJson);
        var left = quiz.Attempts is { } limit ? Math.Max(0, limit - attempts.Count) : (int?)null;
        return View(new QuizView(block, quiz, last, attempts.Count == 0 ? null : attempts.Max(a => a.Score), left, userId is not null, Guid.NewGuid()));
    }

    private static readonly CompiledQuery<Func<AssessmentsDbContext, string, string, string, IAsyncEnumerable<AttemptSummary>>> AttemptsOf = new(() =>
        EF.CompileAsyncQuery((AssessmentsDbContext db, string userId, string courseId, string quizId) => db.Attempts.AsNoTracking()
            .Where(a => a.UserId == userId && a.CourseId == courseId && a.QuizId == quizId)
            .OrderByDescending(a => a.SubmittedUtc)
            .Select(a => new AttemptSummary(a.Score, a.ResultsJson))));
}

public sealed record AttemptSummary(double Score, string ResultsJson);

public sealed record QuizView(LessonBlock Block, QuizDefinition Quiz, QuizResult? Last, double? Best, int? TriesLeft, bool SignedIn, Guid SubmissionId);
