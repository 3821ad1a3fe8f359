using System.Globalization;
using System.IO.Compression;
using Literacy.Courses.Data;
using Literacy.Courses.Lessons;
using Literacy.Courses.Packages;
using Literacy.Data;
using Literacy.Modules.Audit;
using Literacy.Modules.People;
using Literacy.Modules.Permissions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Literacy.Courses.Admin;

/// <summary>Admin → Courses: upload a package, preview a draft as a learner would, publish, unpublish, restore.</summary>
[Authorize(Policy = Permissions.ManageCourses)]
[Route("admin/courses")]
public sealed class CoursesAdminController(
    CoursesDbContext db,
    CourseLibrary library,
    CourseInstalls installs,
    BundledCourses bundled,
    LessonPages pages,
    IPeople people,
    IAuditTrail audit,
    IOptions<DatabaseOptions> options,
    IStringLocalizer<CoursesModule> T) : Controller
{
    /// <summary>The largest upload accepted: the package limit plus room for the form around it.</summary>
    private const long MaxUpload = 210L * 1024 * 1024;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var courses = await db.Courses.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var versions = await db.Versions.AsNoTracking().OrderByDescending(v => v.SortKey).ToListAsync(cancellationToken);
        var trainers = await db.Trainers.AsNoTracking().ToListAsync(cancellationToken);
        var names = await people.FindAsync(trainers.Select(t => t.UserId), cancellationToken);
        var assigned = trainers.Where(t => names.ContainsKey(t.UserId)).ToLookup(t => t.CourseId, t => names[t.UserId]);
        var bundledNewer = bundled.NewerThan(versions.Select(v => (v.CourseId, v.Version)));
        return View(new CoursesAdminPage(courses, versions.ToLookup(v => v.CourseId), assigned, bundledNewer, CultureInfo.CurrentUICulture.Name));
    }

    [HttpPost("upload")]
    [RequestSizeLimit(MaxUpload)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxUpload)]
    public async Task<IActionResult> Upload(IFormFile? package, CancellationToken cancellationToken)
    {
        if (package is null || package.Length == 0)
        {
            TempData["Error"] = T["Choose a course package (.zip) to upload."].Value;
            return RedirectToAction(nameof(Index));
        }

        var path = NewUploadPath();
        await using (var file = System.IO.File.Create(path))
        {
            await package.CopyToAsync(file, cancellationToken);
        }

        var id = installs.Enqueue(path, Path.GetFileName(package.FileName), User.Identity!.Name!);
        return Redirect($"/admin/courses/installs/{id}");
    }

    /// <summary>
    /// Installs a course that came with a newer release of the platform as a draft. It is zipped and queued like an upload,
    /// so it goes through the same checks and the same progress page, and nothing changes for learners until it is published.
    /// </summary>
    [HttpPost("bundled/{courseId}/{version}/install")]
    public IActionResult InstallBundled(string courseId, string version)
    {
        if (bundled.Find(courseId, version) is not { } course)
        {
            return NotFound();
        }

        var path = NewUploadPath();
        ZipFile.CreateFromDirectory(course.Folder, path);
        var id = installs.Enqueue(path, $"{courseId}-{version}.zip", User.Identity!.Name!);
        return Redirect($"/admin/courses/installs/{id}");
    }

    /// <summary>Where a package waits until the background install has read it; the worker deletes it.</summary>
    private string NewUploadPath()
    {
        var folder = Path.Combine(options.Value.DataFolder, "uploads");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"{Guid.NewGuid():N}.zip");
    }

    /// <summary>Progress while it runs (refreshed by a small script, or by hand); the result when it is done.</summary>
    [HttpGet("installs/{id:guid}")]
    public IActionResult Install(Guid id)
    {
        var status = installs.Find(id);
        if (status is null)
        {
            return NotFound();
        }

        if (status.Result is not { } result)
        {
            return View("Installing", status);
        }

        if (!result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Problems", new UploadProblems(status.FileName, result.Problems));
        }

        TempData["Message"] = T["Installed {0} version {1} as a draft. Preview it, then publish it.", result.CourseId!, result.Version!].Value;
        return Redirect($"/admin/courses/{result.CourseId}/versions/{result.Version}");
    }

    [HttpGet("installs/{id:guid}/status")]
    public IActionResult InstallStatus(Guid id) =>
        installs.Find(id) is { } status ? Json(new { stage = T[status.Stage].Value, status.Done, status.Total, status.Finished }) : NotFound();

    [HttpGet("{courseId}/versions/{version}")]
    public async Task<IActionResult> Version(string courseId, string version, CancellationToken cancellationToken)
    {
        var row = await db.Versions.AsNoTracking().FirstOrDefaultAsync(v => v.CourseId == courseId && v.Version == version, cancellationToken);
        if (row is null)
        {
            return NotFound();
        }

        var manifest = CourseManifest.FromJson(row.ManifestJson);
        var culture = CultureInfo.CurrentUICulture.Name;
        var lessons = await db.Lessons.AsNoTracking().Where(l => l.CourseId == courseId && l.Version == version && l.Culture == (manifest.Languages.Contains(culture) ? culture : "zh-CN"))
            .OrderBy(l => l.Order).Select(l => new ValueTuple<string, string, int>(l.LessonId, l.Title, l.Minutes)).ToListAsync(cancellationToken);
        return View(new VersionPage(row, manifest, lessons, culture));
    }

    [HttpGet("{courseId}/versions/{version}/lessons/{lessonId}")]
    public async Task<IActionResult> Preview(string courseId, string version, string lessonId, CancellationToken cancellationToken)
    {
        var row = await db.Versions.AsNoTracking().FirstOrDefaultAsync(v => v.CourseId == courseId && v.Version == version, cancellationToken);
        if (row is null)
        {
            return NotFound();
        }

        var page = await pages.BuildAsync(CourseManifest.FromJson(row.ManifestJson), version, lessonId, CultureInfo.CurrentUICulture.Name, done: false, preview: true, cancellationToken);
        return page is null ? NotFound() : View(page);
    }

    [HttpPost("{courseId}/versions/{version}/publish")]
    public async Task<IActionResult> Publish(string courseId, string version, CancellationToken cancellationToken)
    {
        if (!await db.Versions.AnyAsync(v => v.CourseId == courseId && v.Version == version, cancellationToken))
        {
            return NotFound();
        }

        await library.PublishAsync(courseId, version, cancellationToken);
        TempData["Message"] = T["{0} version {1} is now what learners see.", courseId, version].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{courseId}/unpublish")]
    public async Task<IActionResult> Unpublish(string courseId, CancellationToken cancellationToken)
    {
        if (!await db.Courses.AnyAsync(c => c.Id == courseId, cancellationToken))
        {
            return NotFound();
        }

        await library.UnpublishAsync(courseId, cancellationToken);
        TempData["Message"] = T["{0} is no longer shown to learners. Their progress is kept.", courseId].Value;
        return RedirectToAction(nameof(Index));
    }

    /// <summary>Lets a trainer follow the learners of this course.</summary>
    [HttpPost("{courseId}/trainers")]
    public async Task<IActionResult> AssignTrainer(string courseId, string email, CancellationToken cancellationToken)
    {
        var person = string.IsNullOrWhiteSpace(email) ? null : await people.FindByEmailAsync(email, cancellationToken);
        if (!await db.Courses.AnyAsync(c => c.Id == courseId, cancellationToken))
        {
            return NotFound();
        }

        if (person is null || person.Role is not (Roles.Trainer or Roles.Administrator))
        {
            TempData["Error"] = T["{0} is not a trainer's account. Make the person a trainer in Users first.", email ?? string.Empty].Value;
            return RedirectToAction(nameof(Index));
        }

        if (!await db.Trainers.AnyAsync(t => t.CourseId == courseId && t.UserId == person.Id, cancellationToken))
        {
            db.Trainers.Add(new CourseTrainer { CourseId = courseId, UserId = person.Id });
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync("course.trainer-assigned", courseId, person.Id, cancellationToken);
        }

        TempData["Message"] = T["{0} now follows the learners of {1}.", person.DisplayName, courseId].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{courseId}/trainers/{userId}/remove")]
    public async Task<IActionResult> RemoveTrainer(string courseId, string userId, CancellationToken cancellationToken)
    {
        var removed = await db.Trainers.Where(t => t.CourseId == courseId && t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        if (removed > 0)
        {
            await audit.RecordAsync("course.trainer-removed", courseId, userId, cancellationToken);
        }

        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{courseId}/restore")]
    public async Task<IActionResult> Restore(string courseId, CancellationToken cancellationToken)
    {
        if (!await db.Courses.AnyAsync(c => c.Id == courseId, cancellationToken))
        {
            return NotFound();
        }

        var restored = await library.RestorePreviousAsync(courseId, cancellationToken);
        TempData[restored is null ? "Error" : "Message"] = restored is null
            ? T["{0} has no earlier version to restore.", courseId].Value
            : T["{0} version {1} is published again.", courseId, restored].Value;
        return RedirectToAction(nameof(Index));
    }
}

public sealed record CoursesAdminPage(
    IReadOnlyList<Course> Courses, ILookup<string, CourseVersion> Versions, ILookup<string, Person> Trainers, IReadOnlyList<BundledCourse> Bundled, string Culture);

public sealed record VersionPage(CourseVersion Version, CourseManifest Manifest, IReadOnlyList<(string Id, string Title, int Minutes)> Lessons, string Culture);

public sealed record UploadProblems(string FileName, IReadOnlyList<Literacy.Modules.Lessons.PackageProblem> Problems);
