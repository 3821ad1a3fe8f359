using Literacy.Courses.Data;
using Literacy.Modules.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Literacy.Courses.Privacy;

/// <summary>A learner's enrolments and finished lessons, and the courses a trainer follows.</summary>
public sealed class CoursesPersonalData(CoursesDbContext db, IStringLocalizer<CoursesModule> T) : IPersonalData
{
    public async Task<PersonalDataPart> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => e.UserId == userId).OrderBy(e => e.EnrolledUtc).ToListAsync(cancellationToken);
        var lessons = await db.LessonCompletions.AsNoTracking().Where(l => l.UserId == userId).OrderBy(l => l.CompletedUtc).ToListAsync(cancellationToken);
        var followed = await db.Trainers.AsNoTracking().Where(t => t.UserId == userId).OrderBy(t => t.CourseId).ToListAsync(cancellationToken);
        var interests = await db.InterestTags.AsNoTracking().Where(t => t.UserId == userId).OrderBy(t => t.AddedUtc).ToListAsync(cancellationToken);
        var off = await db.RecommendationsOff.AsNoTracking().Where(o => o.UserId == userId).ToListAsync(cancellationToken);
        return new PersonalDataPart("courses", T["Courses"], [
            PersonalDataTables.Of("enrolments", T["Courses you joined"], enrolments,
                new("course", T["Course"], e => e.CourseId),
                new("enrolled", T["Joined (UTC)"], e => e.EnrolledUtc),
                new("completed", T["Finished (UTC)"], e => e.CompletedUtc),
                new("score", T["Score"], e => e.Score)),
            PersonalDataTables.Of("lessons", T["Lessons you finished"], lessons,
                new("course", T["Course"], l => l.CourseId),
                new("lesson", T["Lesson"], l => l.LessonId),
                new("completed", T["Finished (UTC)"], l => l.CompletedUtc)),
            PersonalDataTables.Of("trainer-of", T["Courses you follow as a trainer"], followed,
                new PersonalDataColumn<CourseTrainer>("course", T["Course"], t => t.CourseId)),
            PersonalDataTables.Of("interests", T["Interests kept for course suggestions"], interests,
                new("tag", T["Interest"], t => t.Tag),
                new("course", T["Course"], t => t.CourseId),
                new("added", T["Added (UTC)"], t => t.AddedUtc)),
            PersonalDataTables.Of("suggestions-off", T["Course suggestions switched off"], off,
                new PersonalDataColumn<RecommendationsOff>("since", T["Since (UTC)"], o => o.SinceUtc)),
        ]);
    }

    public async Task EraseAsync(string userId, CancellationToken cancellationToken)
    {
        await db.LessonCompletions.Where(l => l.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Enrolments.Where(e => e.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Trainers.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.InterestTags.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.RecommendationsOff.Where(o => o.UserId == userId).ExecuteDeleteAsync(cancellationToken);
    }
}
