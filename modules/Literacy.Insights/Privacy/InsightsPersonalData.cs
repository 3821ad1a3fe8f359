using Literacy.Data;
using Literacy.Insights.Data;
using Literacy.Modules.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Literacy.Insights.Privacy;

/// <summary>
/// The facts insights keeps about a learner: the profile they told, and what they joined, finished, answered, earned and
/// attended. Erasing drops the profile and gives every other fact one random stand-in that no user has, so the programme's
/// figures (learners reached, enrolments, completions...) stay true but nothing leads back to the person.
/// </summary>
public sealed class InsightsPersonalData(InsightsDbContext db, GroupCommit<InsightsDbContext> commits, IStringLocalizer<InsightsModule> T) : IPersonalData
{
    public async Task<PersonalDataPart> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var profile = await db.Learners.AsNoTracking().Where(l => l.UserId == userId).ToListAsync(cancellationToken);
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => e.UserId == userId).OrderBy(e => e.EnrolledUtc).ToListAsync(cancellationToken);
        var lessons = await db.Lessons.AsNoTracking().Where(l => l.UserId == userId).OrderBy(l => l.CompletedUtc).ToListAsync(cancellationToken);
        var answers = await db.Answers.AsNoTracking().Where(a => a.UserId == userId)
            .OrderBy(a => a.CourseId).ThenBy(a => a.QuizId).ThenBy(a => a.Question).ToListAsync(cancellationToken);
        var units = await db.Awards.AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.EarnedUtc).ToListAsync(cancellationToken);
        var classes = await db.Attendances.AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.AttendedUtc).ToListAsync(cancellationToken);
        return new PersonalDataPart("insights", T["Counted in the programme figures"], [
            PersonalDataTables.Of("profile", T["About you, counted only together with others"], profile,
                new("age-band", T["Age band"], l => l.AgeBand),
                new("region", T["Region"], l => l.Region),
                new("occupation-group", T["Audience group"], l => l.OccupationGroup),
                new("first-active", T["First active (UTC)"], l => l.FirstActiveUtc)),
            PersonalDataTables.Of("enrolments", T["Courses counted"], enrolments,
                new("course", T["Course"], e => e.CourseId),
                new("enrolled", T["Enrolled (UTC)"], e => e.EnrolledUtc),
                new("lessons-done", T["Lessons done"], e => e.LessonsDone),
                new("last-lesson", T["Last lesson finished"], e => e.LastLessonId),
                new("completed", T["Finished (UTC)"], e => e.CompletedUtc)),
            PersonalDataTables.Of("lessons", T["Lessons counted"], lessons,
                new("course", T["Course"], l => l.CourseId),
                new("lesson", T["Lesson"], l => l.LessonId),
                new("completed", T["Finished (UTC)"], l => l.CompletedUtc)),
            PersonalDataTables.Of("answers", T["Your first answer to each quiz question"], answers,
                new("course", T["Course"], a => a.CourseId),
                new("quiz", T["Quiz"], a => a.QuizId),
                new("question", T["Question"], a => a.Question),
                new("right", T["Right the first time"], a => a.Right)),
            PersonalDataTables.Of("units", T["Certification units counted"], units,
                new("unit", T["Unit"], a => a.UnitId),
                new("area", T["Competency area"], a => a.Area),
                new("level", T["Level"], a => a.Level),
                new("credits", T["Credits"], a => a.Credits),
                new("earned", T["Earned (UTC)"], a => a.EarnedUtc)),
            PersonalDataTables.Of("classes", T["Live classes counted"], classes,
                new("class", T["Class"], a => a.ClassId),
                new("minutes", T["Minutes"], a => a.Minutes),
                new("attended", T["Attended (UTC)"], a => a.AttendedUtc)),
        ]);
    }

    /// <summary>
    /// One transaction, so that every table gets the same stand-in: the learner stays one learner in the figures. Shares
    /// the recorder's commits, so it does not collide with facts being written.
    /// </summary>
    public Task EraseAsync(string userId, CancellationToken cancellationToken) => commits.RunAsync(async facts =>
    {
        var standIn = $"erased:{Guid.NewGuid():N}";
        await facts.Learners.Where(l => l.UserId == userId).ExecuteUpdateAsync(
            s => s.SetProperty(l => l.UserId, standIn).SetProperty(l => l.AgeBand, (string?)null)
                .SetProperty(l => l.Region, (string?)null).SetProperty(l => l.OccupationGroup, (string?)null),
            cancellationToken);
        await facts.Enrolments.Where(e => e.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(e => e.UserId, standIn), cancellationToken);
        await facts.Lessons.Where(l => l.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(l => l.UserId, standIn), cancellationToken);
        await facts.Answers.Where(a => a.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(a => a.UserId, standIn), cancellationToken);
        await facts.Awards.Where(a => a.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(a => a.UserId, standIn), cancellationToken);
        await facts.Attendances.Where(a => a.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(a => a.UserId, standIn), cancellationToken);
        return true;
    }, cancellationToken);
}
