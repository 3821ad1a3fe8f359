using Literacy.Data;
using Literacy.Insights.Data;
using Literacy.Modules.Events;
using Literacy.Modules.People;
using Microsoft.EntityFrameworkCore;

namespace Literacy.Insights.Facts;

/// <summary>
/// Keeps insights' own facts from the other modules' events, one row per fact. Each row's key is the fact the event's id
/// is derived from (learner and course, learner and lesson, ...), so an event delivered twice, or twice at once, counts once.
/// Facts that arrive together share a commit (<see cref="GroupCommit{TContext}"/>): on SQLite a handler writing on its own
/// would take a commit of its own, or collide with another writer, for every award and lesson that raised an event.
/// </summary>
public sealed class FactRecorder(GroupCommit<InsightsDbContext> commits) :
    IDomainEventHandler<LearnerProfileChanged>,
    IDomainEventHandler<CourseEnrolled>,
    IDomainEventHandler<LessonCompleted>,
    IDomainEventHandler<CourseCompleted>,
    IDomainEventHandler<QuizQuestionsGraded>,
    IDomainEventHandler<UnitEarned>,
    IDomainEventHandler<LiveClassAttended>
{
    public Task HandleAsync(LearnerProfileChanged e, CancellationToken cancellationToken) => WriteAsync(async db =>
    {
        var learner = await db.Learners.FirstOrDefaultAsync(l => l.UserId == e.UserId, cancellationToken);
        if (learner is null)
        {
            learner = new LearnerFact { UserId = e.UserId };
            db.Learners.Add(learner);
        }

        (learner.AgeBand, learner.Region, learner.OccupationGroup) = (e.Profile.AgeBand, e.Profile.Region, e.Profile.OccupationGroup);
        await SaveOnceAsync(db, cancellationToken);
    }, cancellationToken);

    public Task HandleAsync(CourseEnrolled e, CancellationToken cancellationToken) => WriteAsync(async db =>
    {
        await EnsureEnrolmentAsync(db, e.UserId, e.CourseId, e.EnrolledUtc, cancellationToken);
        await TouchLearnerAsync(db, e.UserId, e.EnrolledUtc, cancellationToken);
    }, cancellationToken);

    public Task HandleAsync(LessonCompleted e, CancellationToken cancellationToken) => WriteAsync(async db =>
    {
        await EnsureEnrolmentAsync(db, e.UserId, e.CourseId, e.CompletedUtc, cancellationToken);
        if (await db.Lessons.AnyAsync(l => l.UserId == e.UserId && l.CourseId == e.CourseId && l.LessonId == e.LessonId, cancellationToken))
        {
            return;
        }

        db.Lessons.Add(new LessonFact { UserId = e.UserId, CourseId = e.CourseId, LessonId = e.LessonId, CompletedUtc = e.CompletedUtc });
        if (!await SaveOnceAsync(db, cancellationToken))
        {
            return;
        }

        // The count moves with the lesson row, in the batch's one transaction: a lesson counted is a lesson stored.
        await db.Enrolments.Where(x => x.UserId == e.UserId && x.CourseId == e.CourseId)
            .ExecuteUpdateAsync(set => set.SetProperty(x => x.LessonsDone, x => x.LessonsDone + 1).SetProperty(x => x.LastLessonId, e.LessonId), cancellationToken);
    }, cancellationToken);

    public Task HandleAsync(CourseCompleted e, CancellationToken cancellationToken) => WriteAsync(async db =>
    {
        await EnsureEnrolmentAsync(db, e.UserId, e.CourseId, e.CompletedUtc, cancellationToken);
        await db.Enrolments.Where(x => x.UserId == e.UserId && x.CourseId == e.CourseId && x.CompletedUtc == null)
            .ExecuteUpdateAsync(set => set.SetProperty(x => x.CompletedUtc, e.CompletedUtc), cancellationToken);
    }, cancellationToken);

    public Task HandleAsync(QuizQuestionsGraded e, CancellationToken cancellationToken) => WriteAsync(async db =>
    {
        var answered = await db.Answers.AsNoTracking().Where(a => a.UserId == e.UserId && a.CourseId == e.CourseId && a.QuizId == e.QuizId)
            .Select(a => a.Question).ToListAsync(cancellationToken);
        for (var i = 0; i < e.Right.Count; i++)
        {
            if (!answered.Contains(i + 1))
            {
                db.Answers.Add(new AnswerFact { UserId = e.UserId, CourseId = e.CourseId, QuizId = e.QuizId, Question = i + 1, Right = e.Right[i] });
            }
        }

        await SaveOnceAsync(db, cancellationToken);
    }, cancellationToken);

    public Task HandleAsync(UnitEarned e, CancellationToken cancellationToken) => WriteAsync(async db =>
    {
        if (!await db.Awards.AnyAsync(a => a.UserId == e.UserId && a.UnitId == e.UnitId, cancellationToken))
        {
            db.Awards.Add(new AwardFact { UserId = e.UserId, UnitId = e.UnitId, Area = e.Area, Level = e.Level, Credits = e.Credits, EarnedUtc = e.EarnedUtc });
            await SaveOnceAsync(db, cancellationToken);
        }

        await TouchLearnerAsync(db, e.UserId, e.EarnedUtc, cancellationToken);
    }, cancellationToken);

    public Task HandleAsync(LiveClassAttended e, CancellationToken cancellationToken) => WriteAsync(async db =>
    {
        if (e.Minutes <= 0)
        {
            return;
        }

        if (!await db.Attendances.AnyAsync(a => a.UserId == e.UserId && a.ClassId == e.ClassId, cancellationToken))
        {
            db.Attendances.Add(new AttendanceFact { UserId = e.UserId, ClassId = e.ClassId, Minutes = e.Minutes, AttendedUtc = e.EndedUtc });
            await SaveOnceAsync(db, cancellationToken);
        }

        await TouchLearnerAsync(db, e.UserId, e.EndedUtc, cancellationToken);
    }, cancellationToken);

    private static async Task EnsureEnrolmentAsync(InsightsDbContext db, string userId, string courseId, DateTime atUtc, CancellationToken cancellationToken)
    {
        if (!await db.Enrolments.AnyAsync(x => x.UserId == userId && x.CourseId == courseId, cancellationToken))
        {
            db.Enrolments.Add(new EnrolmentFact { UserId = userId, CourseId = courseId, EnrolledUtc = atUtc });
            await SaveOnceAsync(db, cancellationToken);
        }
    }

    private Task WriteAsync(Func<InsightsDbContext, Task> work, CancellationToken cancellationToken) =>
        commits.RunAsync(async db =>
        {
            await work(db);
            return true;
        }, cancellationToken);

    /// <summary>Marks the learner reached at the earliest activity seen (events may arrive out of order).</summary>
    private static async Task TouchLearnerAsync(InsightsDbContext db, string userId, DateTime atUtc, CancellationToken cancellationToken)
    {
        var moved = await db.Learners.Where(l => l.UserId == userId && (l.FirstActiveUtc == null || l.FirstActiveUtc > atUtc))
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.FirstActiveUtc, atUtc), cancellationToken);
        if (moved == 0 && !await db.Learners.AnyAsync(l => l.UserId == userId, cancellationToken))
        {
            db.Learners.Add(new LearnerFact { UserId = userId, FirstActiveUtc = atUtc });
            await SaveOnceAsync(db, cancellationToken);
        }
    }

    /// <summary>False when a concurrent delivery of the same fact stored the row first: it is already counted.</summary>
    private static async Task<bool> SaveOnceAsync(InsightsDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
