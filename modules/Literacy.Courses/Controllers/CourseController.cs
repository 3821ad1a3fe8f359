using System.Globalization;
using System.Security.Claims;
using Literacy.Courses.Lessons;
using Literacy.Courses.Progress;
using Literacy.Modules.Competencies;
using Literacy.Modules.Lessons;
using Microsoft.AspNetCore.Authorization;
using Literacy.Modules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Literacy.Courses.Controllers;

[Route("courses/{courseId}")]
public sealed class CourseController(PublishedCourses courses, LearnerProgress progress, ICompetencyFrameworkSource frameworks) : Controller
{
    [OutputCache(PolicyName = OutputCaching.LearnerPages)]
    [AllowAnonymous]
    [HttpGet("")]
    public async Task<IActionResult> Index(string courseId, CancellationToken cancellationToken)
    {
        var course = await courses.FindAsync(courseId, cancellationToken);
        if (course is null)
        {
            return NotFound();
        }

        var culture = CultureInfo.CurrentUICulture.Name;
        var outline = await courses.OutlineAsync(courseId, course.Version, culture, cancellationToken);
        var status = User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId ? await progress.StatusAsync(userId, courseId, cancellationToken) : null;
        var framework = await frameworks.CurrentAsync(cancellationToken);
        var competencies = framework.Areas.SelectMany(a => a.Competencies)
            .Where(c => course.Manifest.Competencies.Contains(c.Id))
            .Select(c => c.Name(culture))
            .ToList();
        return View(new CoursePage(course, outline, status, competencies, culture));
    }

    [Authorize]
    [HttpPost("enrol")]
    public async Task<IActionResult> Enrol(string courseId, CancellationToken cancellationToken)
    {
        var course = await courses.FindAsync(courseId, cancellationToken);
        if (course is null)
        {
            return NotFound();
        }

        await progress.EnrolAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, courseId, cancellationToken);
        return Redirect($"/courses/{courseId}/lessons/{course.Manifest.Lessons[0]}");
    }
}

public sealed record CoursePage(
    PublishedCourse Course, IReadOnlyList<(string Id, string Title, int Minutes)> Outline, CourseStatus? Status, IReadOnlyList<string> Competencies, string Culture)
{
    /// <summary>Where the learner goes on, while they are part-way through the course.</summary>
    public NextLesson? Next => Status is { Enrolled: true, CompletedUtc: null } ? NextLesson.In(Outline, Status.DoneLessons) : null;
}
