namespace Literacy.Testing;

/// <summary>Bundled-courses folders of a test's own (setting Courses:Bundled:Folder), to change as an upgrade of the platform would.</summary>
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
}
