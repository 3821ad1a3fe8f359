using Literacy.Insights.Data;
using Literacy.Modules.Events;
using Literacy.Modules.People;
using Microsoft.EntityFrameworkCore;

namespace Literacy.Insights.Facts;

/// <summary>
/// Keeps insights' own facts from the other modules' events, one row per fact. Each row's key is the fact the event's id
/// is derived from (learner and course, learner and lesson, ...), so an event delivered twice, or twice at once, counts once.
/// </summary>
public sealed class FactRecorder(InsightsDbContext db) :
    IDomainEventHandler<LearnerProfileChanged>,
    IDomainEventHandler<CourseEnrolled>,
    IDomainEventHandler<LessonCompleted>,
    IDomainEventHandler<CourseCompleted>,
    IDomainEventHandler<QuizQuestionsGraded>,
    IDomainEventHandler<UnitEarned>,
    IDomainEventHandler<LiveClassAttended>
{
    public async Task HandleAsync(LearnerProfileChanged e, CancellationToken cancellationToken)
    {
        var learner = await db.Learners.FirstOrDefaultAsync(l => l.UserId == e.UserId, cancellationToken);
        if (learner is null)
        {
            learner = new LearnerFact { UserId = e.UserId };
            db.Learners.Add(learner);
        }

        (learner.AgeBand, learner.Region, learner.OccupationGroup) = (e.Profile.AgeBand, e.Profile.Region, e.Profile.OccupationGroup);
        await SaveOnceAsync(cancellationToken);
    }

    public async Task HandleAsync(CourseEnrolled e, CancellationToken cancellationToken)
    {
        await EnsureEnrolmentAsync(e.UserId, e.CourseId, e.EnrolledUtc, cancellationToken);
        await TouchLearnerAsync(e.UserId, e.EnrolledUtc, cancellationToken);
    }

    public async Task HandleAsync(LessonCompleted e, CancellationToken cancellationToken)
    {
        await EnsureEnrolmentAsync(e.UserId, e.CourseId, e.CompletedUtc, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Lessons.AnyAsync(l => l.UserId == e.UserId && l.CourseId == e.CourseId && l.LessonId == e.LessonId, cancellationToken))
        {
            return;
        }

        db.Lessons.Add(new LessonFact { UserId = e.UserId, CourseId = e.CourseId, LessonId = e.LessonId, CompletedUtc = e.CompletedUtc });
        if (!await SaveOnceAsync(cancellationToken))
        {
            return;
        }

        // The count moves with the lesson row, in one transaction: a lesson counted is a lesson stored.
        await db.Enrolments.Where(x => x.UserId == e.UserId && x.CourseId == e.CourseId)
            .ExecuteUpdateAsync(set => set.SetProperty(x => x.LessonsDone, x => x.LessonsDone + 1).SetProperty(x => x.LastLessonId, e.LessonId), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task HandleAsync(CourseCompleted e, CancellationToken cancellationToken)
    {
        await EnsureEnrolmentAsync(e.UserId, e.CourseId, e.CompletedUtc, cancellationToken);
        await db.Enrolments.Where(x => x.UserId == e.UserId && x.CourseId == e.CourseId && x.CompletedUtc == null)
            .ExecuteUpdateAsync(set => set.SetProperty(x => x.CompletedUtc, e.CompletedUtc), cancellationToken);
    }

    public async Task HandleAsync(QuizQuestionsGraded e, CancellationToken cancellationToken)
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

        await SaveOnceAsync(cancellationToken);
    }

    public async Task HandleAsync(UnitEarned e, CancellationToken cancellationToken)
    {
        if (!await db.Awards.AnyAsync(a => a.UserId == e.UserId && a.UnitId == e.UnitId, cancellationToken))
        {
            db.Awards.Add(new AwardFact { UserId = e.UserId, UnitId = e.UnitId, Area = e.Area, Level = e.Level, Credits = e.Credits, EarnedUtc = e.EarnedUtc });
            await SaveOnceAsync(cancellationToken);
        }

        await TouchLearnerAsync(e.UserId, e.EarnedUtc, cancellationToken);
    }

    public async Task HandleAsync(LiveClassAttended e, CancellationToken cancellationToken)
    {
        if (e.Minutes <= 0)
        {
            return;
        }

        if (!await db.Attendances.AnyAsync(a => a.UserId == e.UserId && a.ClassId == e.ClassId, cancellationToken))
        {
            db.Attendances.Add(new AttendanceFact { UserId = e.UserId, ClassId = e.ClassId, Minutes = e.Minutes, AttendedUtc = e.EndedUtc });
            await SaveOnceAsync(cancellationToken);
        }

        await TouchLearnerAsync(e.UserId, e.EndedUtc, cancellationToken);
    }

    private async Task EnsureEnrolmentAsync(string userId, string courseId, DateTime atUtc, CancellationToken cancellationToken)
    {
        if (!await db.Enrolments.AnyAsync(x => x.UserId == userId && x.CourseId == courseId, cancellationToken))
        {
            db.Enrolments.Add(new EnrolmentFact { UserId = userId, CourseId = courseId, EnrolledUtc = atUtc });
            await SaveOnceAsync(cancellationToken);
        }
    }

    /// <summary>Marks the learner reached at the earliest activity seen (events may arrive out of order).</summary>
    private async Task TouchLearnerAsync(string userId, DateTime atUtc, CancellationToken cancellationToken)
    {
        var moved = await db.Learners.Where(l => l.UserId == userId && (l.FirstActiveUtc == null || l.FirstActiveUtc > atUtc))
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.FirstActiveUtc, atUtc), cancellationToken);
        if (moved == 0 && !await db.Learners.AnyAsync(l => l.UserId == userId, cancellationToken))
        {
            db.Learners.Add(new LearnerFact { UserId = userId, FirstActiveUtc = atUtc });
            await SaveOnceAsync(cancellationToken);
        }
    }

    /// <summary>False when a concurrent delivery of the same fact stored the row first: it is already counted.</summary>
    private async Task<bool> SaveOnceAsync(CancellationToken cancellationToken)
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
