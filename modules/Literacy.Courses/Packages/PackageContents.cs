using System.IO.Compression;
using Literacy.Modules.Lessons;

namespace Literacy.Courses.Packages;

/// <summary>The files of a course package, by path relative to its root ("course.json", "lessons/en/01-calls.md").</summary>
public sealed record PackageContents(IReadOnlyDictionary<string, byte[]> Files, IReadOnlyList<PackageProblem> Problems)
{
    private const string Archive = "(zip)";

    /// <summary>Reads a zip, refusing unsafe entries (climbing paths, links) and stopping at the limits before expanding too much.</summary>
    public static PackageContents FromZip(Stream zip, PackageLimits limits)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException ex)
        {
            return new(new Dictionary<string, byte[]>(), [CourseProblems.At(Archive, 0, "This is not a readable zip file ({0}).", ex.Message)]);
        }

        using (archive)
        {
            var problems = new List<PackageProblem>();
            var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            if (archive.Entries.Count > limits.MaxEntries)
            {
                return new(files, [CourseProblems.At(Archive, 0, "The package has {0} entries; at most {1} are allowed.", archive.Entries.Count, limits.MaxEntries)]);
            }

            long total = 0;
            foreach (var entry in archive.Entries)
            {
                var name = entry.FullName.Replace('\\', '/');
                if (IsUnsafePath(name))
                {
                    problems.Add(CourseProblems.At(name, 0, "This path points outside the package (absolute, or climbing with ..); it is refused."));
                    continue;
                }

                if (((entry.ExternalAttributes >> 16) & 0xF000) == 0xA000)
                {
                    problems.Add(CourseProblems.At(name, 0, "Symbolic links are not allowed in a package."));
                    continue;
                }

                if (name.EndsWith('/'))
                {
                    continue;
                }

                var content = ReadBounded(entry, name, limits, limits.MaxTotalBytes - total, out var problem, out var stop);
                if (problem is not null)
                {
                    problems.Add(problem);
                    if (stop)
                    {
                        break;
                    }

                    continue;
                }

                total += content!.Length;
                if (!files.TryAdd(name, content))
                {
                    problems.Add(CourseProblems.At(name, 0, "This file appears twice in the zip."));
                }
            }

            return new(StripCommonFolder(files), problems);
        }
    }

    /// <summary>Reads a package folder on disk (the bundled courses), with the same limits.</summary>
    public static PackageContents FromFolder(string folder, PackageLimits limits)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var problems = new List<PackageProblem>();
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetRelativePath(folder, path).Replace('\\', '/');
            var info = new FileInfo(path);
            if (info.LinkTarget is not null)
            {
                problems.Add(CourseProblems.At(name, 0, "Symbolic links are not allowed in a package."));
            }
            else if (info.Length > limits.MaxFileBytes)
            {
                problems.Add(CourseProblems.At(name, 0, "The file is {0} MB; at most {1} MB is allowed.", info.Length / 1024 / 1024, limits.MaxFileBytes / 1024 / 1024));
            }
            else
            {
                files[name] = File.ReadAllBytes(path);
            }
        }

        return new(files, problems);
    }

    private static bool IsUnsafePath(string name) =>
        name.StartsWith('/') || (name.Length > 1 && name[1] == ':') || name.Split('/').Any(segment => segment == "..");

    /// <param name="stop">True when reading further entries makes no sense: a bomb, or the total size is used up.</param>
    private static byte[]? ReadBounded(ZipArchiveEntry entry, string name, PackageLimits limits, long remaining, out PackageProblem? problem, out bool stop)
    {
        problem = null;
        stop = false;
        var cap = Math.Min(limits.MaxFileBytes, remaining);
        var ratioCap = Math.Max(entry.CompressedLength, 1) * limits.MaxCompressionRatio;
        using var input = entry.Open();
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            output.Write(buffer, 0, read);
            if (output.Length > ratioCap && output.Length > 1024 * 1024)
            {
                problem = CourseProblems.At(name, 0, "This entry expands more than {0} times its compressed size; it looks like a zip bomb and is refused.", limits.MaxCompressionRatio);
                stop = true;
                return null;
            }

            if (output.Length > cap)
            {
                stop = output.Length <= limits.MaxFileBytes;
                problem = stop
                    ? CourseProblems.At(name, 0, "The package expands to more than {0} MB, the most allowed.", limits.MaxTotalBytes / 1024 / 1024)
                    : CourseProblems.At(name, 0, "The file is larger than {0} MB, the most allowed.", limits.MaxFileBytes / 1024 / 1024);
                return null;
            }
        }

        return output.ToArray();
    }

    /// <summary>A zip of the folder itself ("smartphone-basics/course.json") reads like a zip of its contents.</summary>
    private static Dictionary<string, byte[]> StripCommonFolder(Dictionary<string, byte[]> files)
    {
        if (files.ContainsKey("course.json") || files.Count == 0)
        {
            return files;
        }

        var first = files.Keys.First();
        var slash = first.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return files;
        }

        var prefix = first[..(slash + 1)];
        return files.Keys.All(k => k.StartsWith(prefix, StringComparison.Ordinal)) && files.ContainsKey(prefix + "course.json")
            ? files.ToDictionary(f => f.Key[prefix.Length..], f => f.Value, StringComparer.Ordinal)
            : files;
    }
}
