using Literacy.Data;
using Literacy.Insights.Data;
using Literacy.Modules.Events;
using Literacy.Modules.People;
using Microsoft.EntityFrameworkCore;

namespace Literacy.Insights.Facts;

/// <summary>
/// Keeps insights' own facts from the other modules' events, one row per fact. Each row's key is the fact the event's id
/// is derived from (learner and course, learner and lesson, ...), so an event delivered twice, or twice at once, counts once.
/// Each fact is one upsert (INSERT ... ON CONFLICT, the same in SQLite and PostgreSQL): a repeat changes nothing, and
/// on PostgreSQL it does not abort the batch's shared transaction as a failed insert would.
/// Enrolments, lessons, completions and awards are written inside the transaction that makes them happen
/// (<see cref="IDomainEventRecorder{TEvent}"/>): each is counted exactly when it is made, and a crash between two commits
/// cannot lose one. Other facts that arrive together share a commit (<see cref="GroupCommit{TContext}"/>): on SQLite a
/// handler writing on its own would take a commit of its own, or collide with another writer, for every event.
/// </summary>
public sealed class FactRecorder(GroupCommit<InsightsDbContext> commits) :
    IDomainEventHandler<LearnerProfileChanged>,
    IDomainEventRecorder<CourseEnrolled>,
    IDomainEventRecorder<LessonCompleted>,
    IDomainEventRecorder<CourseCompleted>,
    IDomainEventHandler<QuizQuestionsGraded>,
    IDomainEventRecorder<UnitEarned>,
    IDomainEventHandler<LiveClassAttended>
{
    /// <summary>
    /// An untold profile only clears a row that is there: no row already means "not told", and a deleted account's last
    /// event, raised after the erasure, must not write the person's id back.
    /// </summary>
    public Task HandleAsync(LearnerProfileChanged e, CancellationToken cancellationToken) => WriteAsync(db => e.Profile == LearnerProfile.Untold
        ? db.Database.ExecuteSqlAsync(
            $"""
            UPDATE "InsightLearners" SET "AgeBand" = NULL, "Region" = NULL, "OccupationGroup" = NULL
            WHERE "UserId" = {e.UserId}
            """,
            cancellationToken)
        : db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "InsightLearners" ("UserId", "AgeBand", "Region", "OccupationGroup")
            VALUES ({e.UserId}, {e.Profile.AgeBand}, {e.Profile.Region}, {e.Profile.OccupationGroup})
            ON CONFLICT ("UserId") DO UPDATE
            SET "AgeBand" = excluded."AgeBand", "Region" = excluded."Region", "OccupationGroup" = excluded."OccupationGroup"
            """,
            cancellationToken), cancellationToken);

    public async Task RecordAsync(DbContext within, CourseEnrolled e, CancellationToken cancellationToken)
    {
        await EnsureEnrolmentAsync(within, e.UserId, e.CourseId, e.EnrolledUtc, cancellationToken);
        await TouchLearnerAsync(within, e.UserId, e.EnrolledUtc, cancellationToken);
    }

    public async Task RecordAsync(DbContext within, LessonCompleted e, CancellationToken cancellationToken)
    {
        await EnsureEnrolmentAsync(within, e.UserId, e.CourseId, e.CompletedUtc, cancellationToken);
        var added = await within.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "InsightLessons" ("UserId", "CourseId", "LessonId", "CompletedUtc")
            VALUES ({e.UserId}, {e.CourseId}, {e.LessonId}, {e.CompletedUtc})
            ON CONFLICT ("UserId", "CourseId", "LessonId") DO NOTHING
            """,
            cancellationToken);
        if (added == 1)
        {
            // The count moves with the lesson row, in one transaction: a lesson counted is a lesson stored.
            await within.Database.ExecuteSqlAsync(
                $"""
                UPDATE "InsightEnrolments" SET "LessonsDone" = "LessonsDone" + 1, "LastLessonId" = {e.LessonId}
                WHERE "UserId" = {e.UserId} AND "CourseId" = {e.CourseId}
                """,
                cancellationToken);
        }
    }

    public Task RecordAsync(DbContext within, CourseCompleted e, CancellationToken cancellationToken) =>
        within.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "InsightEnrolments" ("UserId", "CourseId", "EnrolledUtc", "LessonsDone", "CompletedUtc")
            VALUES ({e.UserId}, {e.CourseId}, {e.CompletedUtc}, 0, {e.CompletedUtc})
            ON CONFLICT ("UserId", "CourseId") DO UPDATE SET "CompletedUtc" = excluded."CompletedUtc"
            WHERE "InsightEnrolments"."CompletedUtc" IS NULL
            """,
            cancellationToken);

    /// <summary>Only a learner's first answer to each question is kept: later tries find the row there.</summary>
    public Task HandleAsync(QuizQuestionsGraded e, CancellationToken cancellationToken) => WriteAsync(async db =>
    {
        for (var i = 0; i < e.Right.Count; i++)
        {
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "InsightAnswers" ("UserId", "CourseId", "QuizId", "Question", "Right")
                VALUES ({e.UserId}, {e.CourseId}, {e.QuizId}, {i + 1}, {e.Right[i]})
                ON CONFLICT ("UserId", "CourseId", "QuizId", "Question") DO NOTHING
                """,
                cancellationToken);
        }
    }, cancellationToken);

    public async Task RecordAsync(DbContext within, UnitEarned e, CancellationToken cancellationToken)
    {
        await within.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "InsightAwards" ("UserId", "UnitId", "Area", "Level", "Credits", "EarnedUtc")
            VALUES ({e.UserId}, {e.UnitId}, {e.Area}, {e.Level}, {e.Credits}, {e.EarnedUtc})
            ON CONFLICT ("UserId", "UnitId") DO NOTHING
            """,
            cancellationToken);
        await TouchLearnerAsync(within, e.UserId, e.EarnedUtc, cancellationToken);
    }

    public Task HandleAsync(LiveClassAttended e, CancellationToken cancellationToken) => WriteAsync(async db =>
    {
        if (e.Minutes <= 0)
        {
            return;
        }

        await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "InsightAttendances" ("UserId", "ClassId", "Minutes", "AttendedUtc")
            VALUES ({e.UserId}, {e.ClassId}, {e.Minutes}, {e.EndedUtc})
            ON CONFLICT ("UserId", "ClassId") DO NOTHING
            """,
            cancellationToken);
        await TouchLearnerAsync(db, e.UserId, e.EndedUtc, cancellationToken);
    }, cancellationToken);

    private static Task EnsureEnrolmentAsync(DbContext db, string userId, string courseId, DateTime atUtc, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "InsightEnrolments" ("UserId", "CourseId", "EnrolledUtc", "LessonsDone")
            VALUES ({userId}, {courseId}, {atUtc}, 0)
            ON CONFLICT ("UserId", "CourseId") DO NOTHING
            """,
            cancellationToken);

    private Task WriteAsync(Func<InsightsDbContext, Task> work, CancellationToken cancellationToken) =>
        commits.RunAsync(async db =>
        {
            await work(db);
            return true;
        }, cancellationToken);

    /// <summary>Marks the learner reached at the earliest activity seen (events may arrive out of order).</summary>
    private static Task TouchLearnerAsync(DbContext db, string userId, DateTime atUtc, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "InsightLearners" ("UserId", "FirstActiveUtc") VALUES ({userId}, {atUtc})
            ON CONFLICT ("UserId") DO UPDATE SET "FirstActiveUtc" = excluded."FirstActiveUtc"
            WHERE "InsightLearners"."FirstActiveUtc" IS NULL OR "InsightLearners"."FirstActiveUtc" > excluded."FirstActiveUtc"
            """,
            cancellationToken);
}
