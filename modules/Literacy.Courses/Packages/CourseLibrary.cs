using System.Text.Json;
using Literacy.Courses.Data;
using Literacy.Courses.Lessons;
using Literacy.Modules.Audit;
using Literacy.Modules.Competencies;
using Literacy.Modules.Features;
using Literacy.Modules.Lessons;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Literacy.Courses.Packages;

public sealed record InstallResult(string? CourseId, string? Version, IReadOnlyList<PackageProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Installs course packages as drafts, publishes, unpublishes and restores versions. An install is all or nothing:
/// everything is checked first, and the version's rows are written in one transaction.
/// </summary>
public sealed class CourseLibrary(
    CoursesDbContext db,
    MediaStore media,
    ICompetencyFrameworkSource frameworks,
    IEnumerable<ILessonBlockType> blockTypes,
    SiteState site,
    PublishedCourses published,
    IAuditTrail audit,
    IOutputCacheStore pageCache,
    IOptions<PackageLimits> limits,
    TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="progress">Told the stage, and how many of how many items are done, as the install goes on.</param>
    public async Task<InstallResult> InstallAsync(PackageContents contents, string installedBy, CancellationToken cancellationToken, Action<string, int, int>? progress = null)
    {
        progress?.Invoke(InstallStages.Checking, 0, contents.Files.Count);
        var courseId = contents.Files.TryGetValue(ManifestReader.File, out var manifestBytes) ? ManifestReader.IdOf(manifestBytes) : null;
        var versions = courseId is null ? [] : await db.Versions.Where(v => v.CourseId == courseId).Select(v => v.Version).ToListAsync(cancellationToken);
        var publishedVersion = courseId is null ? null : await db.Courses.Where(c => c.Id == courseId).Select(c => c.PublishedVersion).FirstOrDefaultAsync(cancellationToken);
        var context = new ValidationContext(
            await frameworks.CurrentAsync(cancellationToken),
            blockTypes.Where(b => site.IsEnabled(b.Feature)).ToList(),
            publishedVersion is null ? null : SemanticVersion.Parse(publishedVersion),
            versions.Select(SemanticVersion.Parse).ToList(),
            limits.Value);

        var (package, problems) = PackageValidator.Validate(contents, context);
        if (package is null)
        {
            return new InstallResult(courseId, null, problems);
        }

        var hashes = new Dictionary<string, string>();
        foreach (var (path, bytes) in package.Media)
        {
            progress?.Invoke(InstallStages.Media, hashes.Count, package.Media.Count);
            hashes[path] = await media.SaveAsync(bytes, cancellationToken);
        }

        progress?.Invoke(InstallStages.Saving, package.Lessons.Count, package.Lessons.Count);

        var manifest = package.Manifest;
        var version = manifest.Version.ToString();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Courses.FindAsync([manifest.Id], cancellationToken) is null)
        {
            db.Courses.Add(new Course { Id = manifest.Id, CreatedUtc = clock.GetUtcNow().UtcDateTime });
        }

        db.Versions.Add(new CourseVersion
        {
            CourseId = manifest.Id,
            Version = version,
            SortKey = manifest.Version.SortKey,
            Status = VersionStatus.Draft,
            ManifestJson = manifest.ToJson(),
            InstalledUtc = clock.GetUtcNow().UtcDateTime,
            InstalledBy = installedBy,
        });
        foreach (var lesson in package.Lessons)
        {
            db.Lessons.Add(new LessonContent
            {
                CourseId = manifest.Id, Version = version, LessonId = lesson.Id, Culture = lesson.Culture,
                Order = manifest.Lessons.ToList().IndexOf(lesson.Id), Title = lesson.Title, Minutes = lesson.Minutes,
                PartsJson = JsonSerializer.Serialize(lesson.Parts, Json),
            });
            db.Blocks.AddRange(lesson.Blocks.Select(b => new BlockContent
            {
                CourseId = manifest.Id, Version = version, BlockId = b.Id, Culture = lesson.Culture, LessonId = lesson.Id, Type = b.Type, Definition = b.Definition,
            }));
        }

        db.Media.AddRange(package.Media.Select(m => new MediaFile
        {
            CourseId = manifest.Id, Version = version, Path = m.Key, Sha256 = hashes[m.Key],
            ContentType = MediaTypes.ContentType(m.Key)!, Length = m.Value.Length,
        }));

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another install of the same version won the race; this one changes nothing.
            return new InstallResult(manifest.Id, version, [CourseProblems.At(ManifestReader.File, 0, "Version {0} of {1} is already installed.", version, manifest.Id)]);
        }

        await audit.RecordAsync("course.installed", $"{manifest.Id} {version}", $"{package.Lessons.Count} lesson files, {package.Media.Count} media files", cancellationToken);
        return new InstallResult(manifest.Id, version, []);
    }

    /// <summary>Makes a version the one learners see, at once; the one before it can be restored.</summary>
    public async Task PublishAsync(string courseId, string version, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var course = await db.Courses.SingleAsync(c => c.Id == courseId, cancellationToken);
        var target = await db.Versions.SingleAsync(v => v.CourseId == courseId && v.Version == version, cancellationToken);
        if (course.PublishedVersion == version)
        {
            return;
        }

        if (course.PublishedVersion is not null)
        {
            var current = await db.Versions.SingleAsync(v => v.CourseId == courseId && v.Version == course.PublishedVersion, cancellationToken);
            current.Status = VersionStatus.Retired;
            course.PreviousVersion = course.PublishedVersion;
        }

        target.Status = VersionStatus.Published;
        target.PublishedUtc = clock.GetUtcNow().UtcDateTime;
        course.PublishedVersion = version;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await ForgetPublishedAsync(cancellationToken);
        await audit.RecordAsync("course.published", $"{courseId} {version}", cancellationToken: cancellationToken);
    }

    public async Task UnpublishAsync(string courseId, CancellationToken cancellationToken)
    {
        var course = await db.Courses.SingleAsync(c => c.Id == courseId, cancellationToken);
        if (course.PublishedVersion is null)
        {
            return;
        }

        var current = await db.Versions.SingleAsync(v => v.CourseId == courseId && v.Version == course.PublishedVersion, cancellationToken);
        current.Status = VersionStatus.Retired;
        course.PreviousVersion = course.PublishedVersion;
        course.PublishedVersion = null;
        await db.SaveChangesAsync(cancellationToken);
        await ForgetPublishedAsync(cancellationToken);
        await audit.RecordAsync("course.unpublished", $"{courseId} {current.Version}", cancellationToken: cancellationToken);
    }

    /// <summary>Publishes the version that was published before the current one.</summary>
    public async Task<string?> RestorePreviousAsync(string courseId, CancellationToken cancellationToken)
    {
        var previous = await db.Courses.Where(c => c.Id == courseId).Select(c => c.PreviousVersion).SingleAsync(cancellationToken);
        if (previous is not null)
        {
            await PublishAsync(courseId, previous, cancellationToken);
        }

        return previous;
    }

    /// <summary>Learners see the change at once on this node; other nodes' caches expire within seconds.</summary>
    private async Task ForgetPublishedAsync(CancellationToken cancellationToken)
    {
        published.Invalidate();
        await pageCache.EvictByTagAsync(Literacy.Modules.OutputCaching.LearnerPages, cancellationToken);
    }
}
