using Literacy.Courses.Data;
using Literacy.Courses.Lessons;
using Literacy.Modules.Features;
using Literacy.Modules.Lessons;
using Microsoft.EntityFrameworkCore;

namespace Literacy.Courses.Progress;

/// <summary>Answers <see cref="ICoursesInProgress"/> from the learner's enrolments and lesson completions: two queries.</summary>
public sealed class CoursesInProgress(CoursesDbContext db, PublishedCourses courses, SiteState state) : ICoursesInProgress
{
    public async Task<IReadOnlyList<CourseInProgress>> OfAsync(string userId, string culture, int take, CancellationToken cancellationToken)
    {
        if (!state.IsEnabled(CoursesModule.Id))
        {
            return [];
        }

        var open = await db.Enrolments.AsNoTracking()
            .Where(e => e.UserId == userId && e.CompletedUtc == null)
            .Select(e => new { e.CourseId, e.EnrolledUtc }).ToListAsync(cancellationToken);
        var ids = open.Select(e => e.CourseId).ToList();
        var done = (await db.LessonCompletions.AsNoTracking()
            .Where(l => l.UserId == userId && ids.Contains(l.CourseId))
            .Select(l => new { l.CourseId, l.LessonId, l.CompletedUtc }).ToListAsync(cancellationToken))
            .ToLookup(l => l.CourseId);

        var result = new List<CourseInProgress>();
        foreach (var enrolment in open.OrderByDescending(e => done[e.CourseId].Select(l => l.CompletedUtc).Append(e.EnrolledUtc).Max()))
        {
            if (result.Count == take)
            {
                break;
            }

            if (await courses.FindAsync(enrolment.CourseId, cancellationToken) is not { } course)
            {
                continue; // no longer published
            }

            var doneHere = done[enrolment.CourseId].Select(l => l.LessonId).ToHashSet();
            var outline = await courses.OutlineAsync(course.Manifest.Id, course.Version, culture, cancellationToken);
            result.Add(new CourseInProgress(
                course.Manifest.Id, course.Manifest.TitleIn(culture), outline.Count(l => doneHere.Contains(l.Id)), outline.Count, NextLesson.In(outline, doneHere)));
        }

        return result;
    }
}
