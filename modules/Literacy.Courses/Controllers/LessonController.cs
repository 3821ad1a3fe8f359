using System.Globalization;
using System.Security.Claims;
using Literacy.Courses.Lessons;
using Literacy.Courses.Progress;
using Microsoft.AspNetCore.Authorization;
using Literacy.Modules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Literacy.Courses.Controllers;

/// <summary>The lesson player: anyone may read a published lesson; signing in keeps progress.</summary>
[Route("courses/{courseId}/lessons/{lessonId}")]
public sealed class LessonController(PublishedCourses courses, LessonPages pages, LearnerProgress progress) : Controller
{
    [OutputCache(PolicyName = OutputCaching.LearnerPages)]
    [AllowAnonymous]
    [HttpGet("")]
    public async Task<IActionResult> Index(string courseId, string lessonId, CancellationToken cancellationToken)
    {
        var course = await courses.FindAsync(courseId, cancellationToken);
        if (course is null || !course.Manifest.Lessons.Contains(lessonId))
        {
            return NotFound();
        }

        var done = User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
            && await progress.IsLessonDoneAsync(userId, courseId, lessonId, cancellationToken);
        var page = await pages.BuildAsync(course.Manifest, course.Version, lessonId, CultureInfo.CurrentUICulture.Name, done, preview: false, cancellationToken);
        return page is null ? NotFound() : View(page);
    }

    /// <summary>
    /// "I have finished this lesson": records it once and moves on to the next lesson. The form carries a submission id
    /// like a quiz's (the phone's outbox sends it again after a lost answer), but a completion needs no table of ids: it
    /// is keyed by learner, course and lesson, so the same form sent twice, with its id or with a new one, adds nothing.
    /// </summary>
    [Authorize]
    [HttpPost("done")]
    public async Task<IActionResult> Done(string courseId, string lessonId, CancellationToken cancellationToken)
    {
        var course = await courses.FindAsync(courseId, cancellationToken);
        if (course is null || !course.Manifest.Lessons.Contains(lessonId))
        {
            return NotFound();
        }

        await progress.CompleteLessonAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, courseId, lessonId, cancellationToken);
        var lessons = course.Manifest.Lessons;
        var next = lessons.ToList().IndexOf(lessonId) + 1;
        return Redirect(next < lessons.Count ? $"/courses/{courseId}/lessons/{lessons[next]}" : $"/courses/{courseId}");
    }
}
