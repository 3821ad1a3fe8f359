using System.Globalization;
using System.Text.Json;
using Literacy.Courses.Data;
using Literacy.Courses.Packages;
using Literacy.Modules.Lessons;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Courses.Lessons;

public sealed record PublishedCourse(CourseManifest Manifest, string Version);

/// <summary>A lesson ready to show: its title and its parts (HTML and blocks). Immutable for a version, so cached.</summary>
public sealed record LessonPage(string CourseId, string Version, string LessonId, string Culture, int Order, string Title, int Minutes, IReadOnlyList<LessonPart> Parts);

/// <summary>
/// What learners can see: the published version of each course and its lessons. The course list is cached briefly
/// (publishing clears it on this node); a version's lessons never change, so they are cached until memory is needed.
/// </summary>
public sealed class PublishedCourses(IServiceScopeFactory scopes, IMemoryCache cache) : ICourseContent, ICourseOutlines
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private const string CatalogKey = "courses:published";

    public async Task<IReadOnlyList<PublishedCourse>> AllAsync(CancellationToken cancellationToken) =>
        (await cache.GetOrCreateAsync(CatalogKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(15);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CoursesDbContext>();
            var rows = await db.Courses.AsNoTracking().Where(c => c.PublishedVersion != null)
                .Join(db.Versions, c => new { c.Id, V = c.PublishedVersion! }, v => new { Id = v.CourseId, V = v.Version }, (c, v) => v.ManifestJson)
                .ToListAsync(cancellationToken);
            return (IReadOnlyList<PublishedCourse>)rows.Select(CourseManifest.FromJson).Select(m => new PublishedCourse(m, m.Version.ToString()))
                .OrderBy(c => c.Manifest.Level).ThenBy(c => c.Manifest.Id).ToList();
        }))!;

    public async Task<PublishedCourse?> FindAsync(string courseId, CancellationToken cancellationToken) =>
        (await AllAsync(cancellationToken)).FirstOrDefault(c => c.Manifest.Id == courseId);

    public void Invalidate() => cache.Remove(CatalogKey);

    /// <summary>A lesson of any installed version (drafts too, for preview), in the culture asked for or else Chinese.</summary>
    public async Task<LessonPage?> LessonAsync(string courseId, string version, string lessonId, string culture, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync($"courses:lesson:{courseId}:{version}:{lessonId}:{culture}", async entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromHours(1);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CoursesDbContext>();
            var rows = await db.Lessons.AsNoTracking()
                .Where(l => l.CourseId == courseId && l.Version == version && l.LessonId == lessonId && (l.Culture == culture || l.Culture == "zh-CN"))
                .ToListAsync(cancellationToken);
            var row = InCulture(rows, r => r.Culture, culture);
            return row is null ? null : new LessonPage(row.CourseId, row.Version, row.LessonId, row.Culture, row.Order, row.Title, row.Minutes,
                JsonSerializer.Deserialize<List<LessonPart>>(row.PartsJson, Json)!);
        });

    /// <summary>The titles of a version's lessons in one culture, in course order.</summary>
    public async Task<IReadOnlyList<(string Id, string Title, int Minutes)>> OutlineAsync(string courseId, string version, string culture, CancellationToken cancellationToken) =>
        (await cache.GetOrCreateAsync($"courses:outline:{courseId}:{version}:{culture}", async entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromHours(1);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CoursesDbContext>();
            var rows = await db.Lessons.AsNoTracking()
                .Where(l => l.CourseId == courseId && l.Version == version && (l.Culture == culture || l.Culture == "zh-CN"))
                .Select(l => new { l.LessonId, l.Culture, l.Title, l.Minutes, l.Order })
                .ToListAsync(cancellationToken);
            return (IReadOnlyList<(string, string, int)>)rows.GroupBy(r => r.LessonId)
                .Select(g => InCulture(g, r => r.Culture, culture)!)
                .OrderBy(r => r.Order)
                .Select(r => (r.LessonId, r.Title, r.Minutes))
                .ToList();
        }))!;

    public async Task<IReadOnlyList<CourseOutline>> PublishedAsync(string culture, CancellationToken cancellationToken)
    {
        var outlines = new List<CourseOutline>();
        foreach (var course in await AllAsync(cancellationToken))
        {
            var lessons = await OutlineAsync(course.Manifest.Id, course.Version, culture, cancellationToken);
            outlines.Add(new CourseOutline(course.Manifest.Id, course.Manifest.TitleIn(culture), course.Manifest.Level, course.Manifest.Competencies,
                lessons.Select(l => new LessonTitle(l.Id, l.Title)).ToList()));
        }

        return outlines;
    }

    public async Task<string?> TitleAsync(string courseId, string culture, CancellationToken cancellationToken) =>
        (await FindAsync(courseId, cancellationToken))?.Manifest.TitleIn(culture);

    public async Task<IReadOnlyList<(string Id, string Title)>> TitlesAsync(string culture, CancellationToken cancellationToken) =>
        (await AllAsync(cancellationToken)).Select(c => (c.Manifest.Id, c.Manifest.TitleIn(culture))).OrderBy(c => c.Item2, StringComparer.Create(new CultureInfo(culture), false)).ToList();

    public async Task<LessonBlock?> FindPublishedBlockAsync(string courseId, string blockId, string culture, CancellationToken cancellationToken) =>
        await FindAsync(courseId, cancellationToken) is { } course ? await BlockAsync(courseId, course.Version, blockId, culture, cancellationToken) : null;

    /// <summary>A block of a given version, for showing it on a lesson page (drafts included, for preview).</summary>
    public async Task<LessonBlock?> BlockAsync(string courseId, string version, string blockId, string culture, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync($"courses:block:{courseId}:{version}:{blockId}:{culture}", async entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromHours(1);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CoursesDbContext>();
            var rows = await db.Blocks.AsNoTracking()
                .Where(b => b.CourseId == courseId && b.Version == version && b.BlockId == blockId && (b.Culture == culture || b.Culture == "zh-CN"))
                .ToListAsync(cancellationToken);
            var row = InCulture(rows, r => r.Culture, culture);
            return row is null ? null : new LessonBlock(row.CourseId, row.Version, row.LessonId, row.BlockId, row.Type, row.Definition, row.Culture);
        });

    /// <summary>The quiz ids of a version: the quizzes whose scores count towards completing it.</summary>
    public async Task<IReadOnlyList<string>> QuizIdsAsync(string courseId, string version, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoursesDbContext>();
        return await db.Blocks.AsNoTracking().Where(b => b.CourseId == courseId && b.Version == version && b.Type == "quiz")
            .Select(b => b.BlockId).Distinct().ToListAsync(cancellationToken);
    }

    /// <summary>The row in the reader's language, else the one there is (queries ask for it and for zh-CN, the fallback).</summary>
    private static T? InCulture<T>(IEnumerable<T> rows, Func<T, string> cultureOf, string culture) =>
        rows.FirstOrDefault(r => cultureOf(r) == culture) ?? rows.FirstOrDefault();
}
