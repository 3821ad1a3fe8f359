using Literacy.Courses.Lessons;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Literacy.Courses.Offline;

/// <summary>
/// Offline reading: the service worker that keeps saved courses on the phone, and the list of a course's pages it saves.
/// Both are public, as the lessons are: a visitor may read offline too; answers need a signed-in learner.
/// </summary>
[AllowAnonymous]
public sealed class OfflineController(PublishedCourses courses) : Controller
{
    private const string WorkerResource = "Literacy.Courses.Offline.offline-sw.js";

    /// <summary>
    /// Served from under /courses/ so that its scope is the course pages and nothing else (the home page, the account
    /// and the admin never pass through it). Never cached by the browser's HTTP cache, so a new version is picked up.
    /// </summary>
    [HttpGet("/courses/offline-sw.js")]
    public IActionResult Worker()
    {
        Response.Headers.CacheControl = "no-cache";
        var script = typeof(OfflineController).Assembly.GetManifestResourceStream(WorkerResource)
            ?? throw new InvalidOperationException($"{WorkerResource} is not embedded in {typeof(OfflineController).Assembly.GetName().Name}.");
        return File(script, "text/javascript; charset=utf-8");
    }

    /// <summary>What "save for offline" keeps: the course page and its lessons in course order (quizzes live in lessons).</summary>
    [HttpGet("/courses/{courseId}/offline")]
    public async Task<IActionResult> Pages(string courseId, CancellationToken cancellationToken)
    {
        var course = await courses.FindAsync(courseId, cancellationToken);
        if (course is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-cache";
        var home = $"/courses/{courseId}";
        return Json(new OfflineCourse(courseId, course.Version, home, course.Manifest.Lessons.Select(l => $"{home}/lessons/{l}").ToList()));
    }
}

/// <summary>The pages of one course version that the service worker keeps; the lessons' order tells it where "next" goes offline.</summary>
public sealed record OfflineCourse(string Id, string Version, string Course, IReadOnlyList<string> Lessons);
