using System.Globalization;
using System.Security.Claims;
using Literacy.Courses.Data;
using Literacy.Courses.Lessons;
using Literacy.Modules.Lessons;
using Literacy.Modules.People;
using Literacy.Modules.Permissions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Literacy.Courses.Trainers;

/// <summary>A trainer sees the learners of the courses they are assigned to, and how far each has got. Nothing else.</summary>
[Authorize(Policy = Permissions.ViewLearnerProgress)]
[Route("trainer/courses")]
public sealed class TrainerController(CoursesDbContext db, PublishedCourses courses, IPeople people, IQuizResults quizzes) : Controller
{
    internal const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var assigned = await AssignedCourseIdsAsync(cancellationToken);
        var all = await courses.AllAsync(cancellationToken);
        var counts = await db.Enrolments.AsNoTracking().Where(e => assigned.Contains(e.CourseId))
            .GroupBy(e => e.CourseId).Select(g => new { g.Key, Enrolled = g.Count(), Completed = g.Count(e => e.CompletedUtc != null) })
            .ToDictionaryAsync(x => x.Key, x => (x.Enrolled, x.Completed), cancellationToken);
        var rows = all.Where(c => assigned.Contains(c.Manifest.Id))
            .Select(c => new TrainerCourseRow(c.Manifest.Id, c.Manifest.TitleIn(CultureInfo.CurrentUICulture.Name), counts.GetValueOrDefault(c.Manifest.Id).Enrolled, counts.GetValueOrDefault(c.Manifest.Id).Completed))
            .ToList();
        return View(rows);
    }

    /// <summary>The course's learners, 50 to a page (a trainer reads it on a phone), in the order they started.</summary>
    [HttpGet("{courseId}")]
    public async Task<IActionResult> Course(string courseId, int page = 1, CancellationToken cancellationToken = default)
    {
        var course = await courses.FindAsync(courseId, cancellationToken);
        if (course is null || !(await AssignedCourseIdsAsync(cancellationToken)).Contains(courseId))
        {
            return NotFound();
        }

        page = Math.Max(1, page);
        var enrolled = db.Enrolments.AsNoTracking().Where(e => e.CourseId == courseId);
        var (total, completed) = (await enrolled.CountAsync(cancellationToken), await enrolled.CountAsync(e => e.CompletedUtc != null, cancellationToken));
        var enrolments = await enrolled.OrderBy(e => e.EnrolledUtc).ThenBy(e => e.UserId)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var userIds = enrolments.Select(e => e.UserId).ToList();
        var done = await db.LessonCompletions.AsNoTracking().Where(l => l.CourseId == courseId && userIds.Contains(l.UserId))
            .GroupBy(l => l.UserId).Select(g => new { g.Key, Lessons = g.Select(l => l.LessonId).ToList() })
            .ToDictionaryAsync(x => x.Key, x => x.Lessons, cancellationToken);
        var names = await people.FindAsync(userIds, cancellationToken);
        var best = await quizzes.BestScoresAsync(userIds, courseId, cancellationToken);
        var rows = enrolments.Select(e => new LearnerRow(
            names.GetValueOrDefault(e.UserId)?.DisplayName ?? "—",
            e.EnrolledUtc,
            done.GetValueOrDefault(e.UserId, []).Count(course.Manifest.Lessons.Contains),
            best.GetValueOrDefault(e.UserId) is { Count: > 0 } scores ? scores.Values.Average() : null,
            e.CompletedUtc)).ToList();
        return View(new TrainerCoursePage(courseId, course.Manifest.TitleIn(CultureInfo.CurrentUICulture.Name), course.Manifest.Lessons.Count, rows,
            total, completed, page, (page - 1) * PageSize + rows.Count < total));
    }

    private async Task<List<string>> AssignedCourseIdsAsync(CancellationToken cancellationToken) =>
        User.IsInRole(Roles.Administrator)
            ? await db.Courses.AsNoTracking().Select(c => c.Id).ToListAsync(cancellationToken)
            : await db.Trainers.AsNoTracking().Where(t => t.UserId == User.FindFirstValue(ClaimTypes.NameIdentifier)).Select(t => t.CourseId).ToListAsync(cancellationToken);
}

public sealed record TrainerCourseRow(string Id, string Title, int Enrolled, int Completed);

public sealed record LearnerRow(string Name, DateTime EnrolledUtc, int LessonsDone, double? QuizAverage, DateTime? CompletedUtc);

/// <param name="Total">All the course's learners, of whom <paramref name="Completed"/> completed it; <paramref name="Learners"/> is one page of them.</param>
public sealed record TrainerCoursePage(
    string CourseId, string Title, int LessonCount, IReadOnlyList<LearnerRow> Learners, int Total, int Completed, int Page, bool HasMore)
{
    /// <summary>The position of the page's first learner among all, counting from 1.</summary>
    public int First => (Page - 1) * TrainerController.PageSize + 1;
}
