using Literacy.Courses.Data;
using Literacy.Courses.Emails;
using Literacy.Courses.Lessons;
using Literacy.Data;
using Literacy.Modules;
using Literacy.Modules.Email;
using Literacy.Modules.Events;
using Literacy.Modules.Lessons;
using Microsoft.EntityFrameworkCore;

namespace Literacy.Courses.Progress;

/// <summary>Where a learner is in a course: enrolled, which lessons (by id) are done, completed or not.</summary>
public sealed record CourseStatus(bool Enrolled, IReadOnlySet<string> DoneLessons, DateTime? CompletedUtc, double? Score);

/// <summary>Enrolment, lesson progress and completion. Completion is decided once, in the database, so its event is raised once.</summary>
public sealed class LearnerProgress(CoursesDbContext db, PublishedCourses courses, IQuizResults quizzes, DomainEvents events, IEmails emails, SiteLinks links, TimeProvider clock)
{
    public async Task<CourseStatus> StatusAsync(string userId, string courseId, CancellationToken cancellationToken)
    {
        var enrolment = await db.Enrolments.AsNoTracking().FirstOrDefaultAsync(e => e.UserId == userId && e.CourseId == courseId, cancellationToken);
        var done = await db.LessonCompletions.AsNoTracking().Where(l => l.UserId == userId && l.CourseId == courseId).Select(l => l.LessonId).ToListAsync(cancellationToken);
        return new CourseStatus(enrolment is not null, done.ToHashSet(), enrolment?.CompletedUtc, enrolment?.Score);
    }

    /// <summary>Whether the learner finished one lesson: all a lesson page needs to know, in one query.</summary>
    public Task<bool> IsLessonDoneAsync(string userId, string courseId, string lessonId, CancellationToken cancellationToken) =>
        IsLessonDone.For(db)(db, userId, courseId, lessonId, cancellationToken);

    private static readonly CompiledQuery<Func<CoursesDbContext, string, string, string, CancellationToken, Task<bool>>> IsLessonDone = new(() =>
        EF.CompileAsyncQuery((CoursesDbContext db, string userId, string courseId, string lessonId, CancellationToken _) =>
            db.LessonCompletions.Any(l => l.UserId == userId && l.CourseId == courseId && l.LessonId == lessonId)));

    public async Task EnrolAsync(string userId, string courseId, CancellationToken cancellationToken)
    {
        if (await db.Enrolments.AnyAsync(e => e.UserId == userId && e.CourseId == courseId, cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        // What the course is for becomes an interest, for suggestions; "general" says nothing about the learner.
        var audiences = (await courses.FindAsync(courseId, cancellationToken))?.Manifest.Audiences.Where(a => a != "general").ToList() ?? [];
        var known = await db.InterestTags.Where(t => t.UserId == userId && audiences.Contains(t.Tag)).Select(t => t.Tag).ToListAsync(cancellationToken);
        // The enrolment, its interests, its email and what other modules record of it commit together: no email for an
        // enrolment that failed, no enrolment without one.
        var enrolled = new CourseEnrolled(EventIds.For($"course-enrolled:{userId}:{courseId}"), userId, courseId, now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Enrolments.Add(new Enrolment { UserId = userId, CourseId = courseId, EnrolledUtc = now });
        db.InterestTags.AddRange(audiences.Except(known).Select(a => new InterestTag { UserId = userId, Tag = a, CourseId = courseId, AddedUtc = now }));
        if (await SaveIgnoringDuplicateAsync(cancellationToken))
        {
            await emails.QueueAsync(db, userId, new EnrolledEmail(courseId, links.To($"/courses/{courseId}")), $"enrolled:{courseId}:{userId}", cancellationToken);
            await events.RecordWithinAsync(db, enrolled, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            await events.PublishAsync(enrolled, cancellationToken);
        }
    }

    /// <summary>Marks a lesson done (once; a repeat changes nothing) and checks whether the course is now complete.</summary>
    public async Task CompleteLessonAsync(string userId, string courseId, string lessonId, CancellationToken cancellationToken)
    {
        await EnrolAsync(userId, courseId, cancellationToken);
        if (!await db.LessonCompletions.AnyAsync(l => l.UserId == userId && l.CourseId == courseId && l.LessonId == lessonId, cancellationToken))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var completed = new LessonCompleted(EventIds.For($"lesson-completed:{userId}:{courseId}:{lessonId}"), userId, courseId, lessonId, now);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.LessonCompletions.Add(new LessonCompletion { UserId = userId, CourseId = courseId, LessonId = lessonId, CompletedUtc = now });
            if (await SaveIgnoringDuplicateAsync(cancellationToken))
            {
                await events.RecordWithinAsync(db, completed, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                await events.PublishAsync(completed, cancellationToken);
            }
        }

        await EvaluateAsync(userId, courseId, cancellationToken);
    }

    /// <summary>
    /// Completes the course if every lesson of the published version is done and the average of the best quiz scores
    /// reaches the passing score. Lessons removed in a newer version no longer count; the flip from "not completed" to
    /// "completed" is one conditional UPDATE, so two racing requests raise <see cref="CourseCompleted"/> once.
    /// </summary>
    public async Task EvaluateAsync(string userId, string courseId, CancellationToken cancellationToken)
    {
        var course = await courses.FindAsync(courseId, cancellationToken);
        if (course is null)
        {
            return;
        }

        var status = await StatusAsync(userId, courseId, cancellationToken);
        if (!status.Enrolled || status.CompletedUtc is not null || !course.Manifest.Lessons.All(status.DoneLessons.Contains))
        {
            return;
        }

        var quizIds = await courses.QuizIdsAsync(courseId, course.Version, cancellationToken);
        var best = await quizzes.BestScoresAsync(userId, courseId, cancellationToken);
        var score = quizIds.Count == 0 ? 100 : quizIds.Average(q => best.GetValueOrDefault(q));
        if (score < course.Manifest.PassingScore)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var completed = Completed(userId, courseId, course.Version, score, course.Manifest.Credits, now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var flipped = await db.Enrolments
            .Where(e => e.UserId == userId && e.CourseId == courseId && e.CompletedUtc == null)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.CompletedUtc, now).SetProperty(e => e.CompletedVersion, course.Version).SetProperty(e => e.Score, score), cancellationToken);
        if (flipped == 1)
        {
            await events.RecordWithinAsync(db, completed, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            await events.PublishAsync(completed, cancellationToken);
        }
    }

    /// <summary>The event of a completion: the same id however often it is told (the credit bank pays a missed one later).</summary>
    public static CourseCompleted Completed(string userId, string courseId, string version, double score, int credits, DateTime atUtc) =>
        new(EventIds.For($"course-completed:{userId}:{courseId}"), userId, courseId, version, score, credits, atUtc);

    /// <summary>False when the same row was written by a concurrent request (a double click, a replayed offline answer): nothing was added.</summary>
    private async Task<bool> SaveIgnoringDuplicateAsync(CancellationToken cancellationToken)
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

/// <summary>A graded quiz may complete the course.</summary>
public sealed class CompleteOnQuiz(LearnerProgress progress) : IDomainEventHandler<QuizSubmitted>
{
    public Task HandleAsync(QuizSubmitted domainEvent, CancellationToken cancellationToken) =>
        progress.EvaluateAsync(domainEvent.UserId, domainEvent.CourseId, cancellationToken);
}
