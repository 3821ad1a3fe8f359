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

    [HttpGet("{courseId}")]
    public async Task<IActionResult> Course(string courseId, CancellationToken cancellationToken)
    {
        var course = await courses.FindAsync(courseId, cancellationToken);
        if (course is null || !(await AssignedCourseIdsAsync(cancellationToken)).Contains(courseId))
        {
            return NotFound();
        }

        var enrolments = await db.Enrolments.AsNoTracking().Where(e => e.CourseId == courseId).OrderBy(e => e.EnrolledUtc).Take(500).ToListAsync(cancellationToken);
        var userIds = enrolments.Select(e => e.UserId).ToList();
        var done = await db.LessonCompletions.AsNoTracking().Where(l => l.CourseId == courseId && userIds.Contains(l.UserId))
            .GroupBy(l => l.UserId).Select(g => new { g.Key, Lessons = g.Select(l => l.LessonId).ToList() })
            .ToDictionaryAsync(x => x.Key, x => x.Lessons, cancellationToken);
        var names = await people.FindAsync(userIds, cancellationToken);
        var rows = new List<LearnerRow>();
        foreach (var e in enrolments)
        {
            var best = await quizzes.BestScoresAsync(e.UserId, courseId, cancellationToken);
            var lessonsDone = done.GetValueOrDefault(e.UserId, []).Count(course.Manifest.Lessons.Contains);
            rows.Add(new LearnerRow(names.GetValueOrDefault(e.UserId)?.DisplayName ?? "—", e.EnrolledUtc, lessonsDone, best.Count == 0 ? null : best.Values.Average(), e.CompletedUtc));
        }

        return View(new TrainerCoursePage(course.Manifest.TitleIn(CultureInfo.CurrentUICulture.Name), course.Manifest.Lessons.Count, rows));
    }

    private async Task<List<string>> AssignedCourseIdsAsync(CancellationToken cancellationToken) =>
        User.IsInRole(Roles.Administrator)
            ? await db.Courses.AsNoTracking().Select(c => c.Id).ToListAsync(cancellationToken)
            : await db.Trainers.AsNoTracking().Where(t => t.UserId == User.FindFirstValue(ClaimTypes.NameIdentifier)).Select(t => t.CourseId).ToListAsync(cancellationToken);
}

public sealed record TrainerCourseRow(string Id, string Title, int Enrolled, int Completed);

public sealed record LearnerRow(string Name, DateTime EnrolledUtc, int LessonsDone, double? QuizAverage, DateTime? CompletedUtc);

public sealed record TrainerCoursePage(string Title, int LessonCount, IReadOnlyList<LearnerRow> Learners);
