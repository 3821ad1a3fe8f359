using Literacy.Courses.Data;
using Literacy.Courses.Packages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Literacy.Courses.Controllers;

/// <summary>
/// A course version's media. The URL names the version, so the bytes behind it never change: cached for a year,
/// served with range requests (video seeks), the stored content type and nosniff. Drafts only for course managers.
/// </summary>
[AllowAnonymous]
[Route("courses/{courseId}/v/{version}/media/{*path}")]
public sealed class MediaController(CoursesDbContext db, MediaStore store, IAuthorizationService authorization) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Get(string courseId, string version, string path, CancellationToken cancellationToken)
    {
        var row = await db.Media.AsNoTracking()
            .Where(m => m.CourseId == courseId && m.Version == version && m.Path == "media/" + path)
            .Join(db.Versions, m => new { m.CourseId, m.Version }, v => new { v.CourseId, v.Version }, (m, v) => new { m.Sha256, m.ContentType, v.Status })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null || (row.Status == VersionStatus.Draft && !(await authorization.AuthorizeAsync(User, Permissions.ManageCourses)).Succeeded))
        {
            return NotFound();
        }

        Response.Headers.CacheControl = row.Status == VersionStatus.Draft ? "private, no-store" : "public, max-age=31536000, immutable";
        return PhysicalFile(store.PathOf(row.Sha256), row.ContentType, enableRangeProcessing: true, lastModified: null,
            entityTag: new EntityTagHeaderValue($"\"{row.Sha256}\""));
    }
}
