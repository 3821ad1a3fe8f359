using Literacy.Assessments.Data;
using Literacy.Modules.Lessons;
using Microsoft.EntityFrameworkCore;

namespace Literacy.Assessments.Quizzes;

public sealed class QuizResults(AssessmentsDbContext db) : IQuizResults
{
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>> BestScoresAsync(
        IReadOnlyCollection<string> userIds, string courseId, CancellationToken cancellationToken)
    {
        var best = await db.Attempts.AsNoTracking()
            .Where(a => userIds.Contains(a.UserId) && a.CourseId == courseId)
            .GroupBy(a => new { a.UserId, a.QuizId })
            .Select(g => new { g.Key.UserId, g.Key.QuizId, Best = g.Max(a => a.Score) })
            .ToListAsync(cancellationToken);
        return best.GroupBy(b => b.UserId).ToDictionary(
            g => g.Key, IReadOnlyDictionary<string, double> (g) => g.ToDictionary(b => b.QuizId, b => b.Best));
    }
}
