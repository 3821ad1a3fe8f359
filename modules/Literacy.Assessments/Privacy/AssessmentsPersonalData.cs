using Literacy.Assessments.Data;
using Literacy.Modules.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Literacy.Assessments.Privacy;

/// <summary>A learner's quiz attempts, with their answers.</summary>
public sealed class AssessmentsPersonalData(AssessmentsDbContext db, IStringLocalizer<AssessmentsModule> T) : IPersonalData
{
    public async Task<PersonalDataPart> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var attempts = await db.Attempts.AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.SubmittedUtc).ToListAsync(cancellationToken);
        return new PersonalDataPart("assessments", T["Quizzes"], [
            PersonalDataTables.Of("attempts", T["Your quiz answers"], attempts,
                new("course", T["Course"], a => a.CourseId),
                new("quiz", T["Quiz"], a => a.QuizId),
                new("submitted", T["Sent (UTC)"], a => a.SubmittedUtc),
                new("score", T["Score"], a => a.Score),
                new("answers", T["Your answers"], a => a.AnswersJson)),
        ]);
    }

    public Task EraseAsync(string userId, CancellationToken cancellationToken) =>
        db.Attempts.Where(a => a.UserId == userId).ExecuteDeleteAsync(cancellationToken);
}
