using System.Text.Json.Nodes;

namespace Literacy.Testing;

/// <summary>
/// A test's own copies of what ships with the platform (Courses:Bundled:Folder, CreditBank:UnitsFile), to change as an
/// upgrade of the platform would.
/// </summary>
public static class BundledFolders
{
    /// <summary>Copies the repository's content/courses into <paramref name="folder"/>.</summary>
    public static void CopyRepositoryCourses(string folder)
    {
        var from = Path.Combine(RepoPaths.Root, "content", "courses");
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>Copies the repository's certification units to <paramref name="file"/>.</summary>
    public static void CopyRepositoryUnits(string file) =>
        File.Copy(Path.Combine(RepoPaths.Root, "content", "frameworks", "units.json"), file);

    /// <summary>Adds to the units file a level-2, 3-credit unit in area 4 (competency 4.1), earned by completing <paramref name="courseId"/>.</summary>
    public static void AddUnit(string file, string id, string courseId, string titleZh, string titleEn)
    {
        var units = JsonNode.Parse(File.ReadAllText(file))!.AsArray();
        units.Add(new JsonObject
        {
            ["id"] = id,
            ["title"] = new JsonObject { ["zh-CN"] = titleZh, ["en"] = titleEn },
            ["description"] = new JsonObject { ["zh-CN"] = titleZh + "：会做。", ["en"] = titleEn + ": can do it." },
            ["area"] = "4",
            ["competencies"] = new JsonArray("4.1"),
            ["level"] = 2,
            ["credits"] = 3,
            ["rule"] = new JsonObject { ["kind"] = "course-completed", ["course"] = courseId, ["minScore"] = 60 },
        });
        File.WriteAllText(file, units.ToJsonString());
    }
}
