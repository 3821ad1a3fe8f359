using Literacy.Courses.Data;
using Literacy.Courses.Packages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Literacy.Courses.Controllers;

/// <summary>
/// A course version's media. The URL names the version, so the bytes behind it never change: cached for a year,
/// served with range requests (video seeks), the stored content type and nosniff. Only the published version's media are
/// public: a draft's are not yet, and an unpublished or replaced version's no longer (a course may be withdrawn for what
/// its pictures show); course managers see every version's.
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
        var published = row?.Status == VersionStatus.Published;
        if (row is null || (!published && !(await authorization.AuthorizeAsync(User, Permissions.ManageCourses)).Succeeded))
        {
            return NotFound();
        }

        Response.Headers.CacheControl = published ? "public, max-age=31536000, immutable" : "private, no-store";
        return PhysicalFile(store.PathOf(row.Sha256), row.ContentType, enableRangeProcessing: true, lastModified: null,
            entityTag: new EntityTagHeaderValue($"\"{row.Sha256}\""));
    }
}
