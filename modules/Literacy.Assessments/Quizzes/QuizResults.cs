using Literacy.Assessments.Data;
using Literacy.Modules.Lessons;
using Microsoft.EntityFrameworkCore;

namespace Literacy.Assessments.Quizzes;

public sealed class QuizResults(AssessmentsDbContext db) : IQuizResults
{
    public async Task<IReadOnlyDictionary<string, double>> BestScoresAsync(string userId, string courseId, CancellationToken cancellationToken) =>
        await db.Attempts.AsNoTracking()
            .Where(a => a.UserId == userId && a.CourseId == courseId)
            .GroupBy(a => a.QuizId)
            .Select(g => new { QuizId = g.Key, Best = g.Max(a => a.Score) })
            .ToDictionaryAsync(x => x.QuizId, x => x.Best, cancellationToken);
}
