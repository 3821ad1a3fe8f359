using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Literacy.Courses.Packages;

public sealed class BundledCoursesOptions
{
    /// <summary>The folder of course package folders that ships with the platform, relative to the application.</summary>
    public string Folder { get; set; } = "content/courses";
}

/// <summary>A course package that ships with the platform, newer than anything the site has installed of it.</summary>
public sealed record BundledCourse(string CourseId, SemanticVersion Version, IReadOnlyDictionary<string, string> Title, string Folder, string? Installed);

/// <summary>
/// The courses that come with the platform. A site installs them on its first start (the setup recipe); after an upgrade
/// of the platform, Admin → Courses offers the newer ones, to install as drafts through the same checks as an upload.
/// </summary>
public sealed class BundledCourses(IOptions<BundledCoursesOptions> options)
{
    public string Folder => Path.Combine(AppContext.BaseDirectory, options.Value.Folder);

    /// <summary>Bundled packages whose version is higher than every installed version of their course (or that are not installed at all).</summary>
    public IReadOnlyList<BundledCourse> NewerThan(IEnumerable<(string CourseId, string Version)> installed)
    {
        var highest = installed.GroupBy(v => v.CourseId).ToDictionary(g => g.Key, g => g.Select(v => SemanticVersion.Parse(v.Version)).Max());
        return [.. All().Where(b => !highest.TryGetValue(b.CourseId, out var have) || have < b.Version)
            .Select(b => b with { Installed = highest.TryGetValue(b.CourseId, out var have) ? have.ToString() : null })];
    }

    /// <summary>The bundled package folder of this course at this version, or null.</summary>
    public BundledCourse? Find(string courseId, string version) =>
        All().FirstOrDefault(b => b.CourseId == courseId && b.Version.ToString() == version);

    private IEnumerable<BundledCourse> All()
    {
        if (!Directory.Exists(Folder))
        {
            yield break;
        }

        foreach (var folder in Directory.EnumerateDirectories(Folder).Order(StringComparer.Ordinal))
        {
            if (Read(folder) is { } course)
            {
                yield return course;
            }
        }
    }

    /// <summary>The id, version and title of a package folder; one that cannot be read is left out here and reported by the install's checks.</summary>
    private static BundledCourse? Read(string folder)
    {
        var file = Path.Combine(folder, ManifestReader.File);
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            var root = json.RootElement;
            var title = root.GetProperty("title").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty);
            return root.GetProperty("id").GetString() is { } id && SemanticVersion.TryParse(root.GetProperty("version").GetString(), out var version)
                ? new BundledCourse(id, version, title, folder, null)
                : null;
        }
        catch (Exception e) when (e is IOException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
