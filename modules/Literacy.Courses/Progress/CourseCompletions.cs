using Literacy.Courses.Data;
using Literacy.Courses.Lessons;
using Literacy.Modules.Events;
using Microsoft.EntityFrameworkCore;

namespace Literacy.Courses.Progress;

public sealed class CourseCompletions(CoursesDbContext db, PublishedCourses courses) : ICourseCompletions
{
    public async Task<IReadOnlyList<CourseCompleted>> SinceAsync(string courseId, DateTime sinceUtc, CancellationToken cancellationToken)
    {
        var credits = (await courses.FindAsync(courseId, cancellationToken))?.Manifest.Credits ?? 0;
        var completed = await db.Enrolments.AsNoTracking()
            .Where(e => e.CourseId == courseId && e.CompletedUtc >= sinceUtc)
            .ToListAsync(cancellationToken);
        return completed.Select(e => LearnerProgress.Completed(e.UserId, courseId, e.CompletedVersion ?? string.Empty, e.Score ?? 0, credits, e.CompletedUtc!.Value)).ToList();
    }
}
