using System.IO.Compression;
using System.Text;
using Literacy.Assessments.Quizzes;
using Literacy.Courses.Blocks;
using Literacy.Courses.Packages;
using Literacy.Modules.Competencies;

namespace Literacy.Testing;

/// <summary>A small valid course package in memory, which each test breaks in one way.</summary>
public sealed class TestPackage
{
    public Dictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    public static string FrameworkPath => Path.Combine(RepoPaths.Root, "content", "frameworks", "digcomp-2.2.json");

    public static CompetencyFramework Framework { get; } = CompetencyFramework.Load(FrameworkPath);

    /// <summary>tests/fixtures/phone-safety: two lessons in two languages and a quiz.</summary>
    public static TestPackage Valid()
    {
        var folder = Path.Combine(RepoPaths.Root, "tests", "fixtures", "phone-safety");
        var package = new TestPackage();
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            package.Files[Path.GetRelativePath(folder, path).Replace('\\', '/')] = File.ReadAllBytes(path);
        }

        return package;
    }

    public TestPackage Copy()
    {
        var copy = new TestPackage();
        foreach (var (path, bytes) in Files)
        {
            copy.Files[path] = bytes;
        }

        return copy;
    }

    /// <summary>The package with the version changed, for installing the same course again.</summary>
    public TestPackage WithVersion(string version) => Edit("course.json", j => j.Replace("\"version\": \"1.0.0\"", $"\"version\": \"{version}\"", StringComparison.Ordinal));

    public TestPackage Set(string path, string text)
    {
        Files[path] = Encoding.UTF8.GetBytes(text);
        return this;
    }

    public TestPackage Set(string path, byte[] bytes)
    {
        Files[path] = bytes;
        return this;
    }

    public TestPackage Edit(string path, Func<string, string> change) => Set(path, change(Encoding.UTF8.GetString(Files[path])));

    public TestPackage Remove(string path)
    {
        Files.Remove(path);
        return this;
    }

    /// <summary>Writes the package out as a folder, as the bundled courses are kept.</summary>
    public void WriteTo(string folder)
    {
        foreach (var (path, bytes) in Files)
        {
            var file = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllBytes(file, bytes);
        }
    }

    public byte[] Zip(string? folder = null)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, bytes) in Files)
            {
                using var entry = zip.CreateEntry(folder is null ? path : $"{folder}/{path}").Open();
                entry.Write(bytes);
            }
        }

        return stream.ToArray();
    }

    public (ValidatedPackage? Package, IReadOnlyList<Literacy.Modules.Lessons.PackageProblem> Problems) Validate(SemanticVersion? published = null, bool quizzesOn = true) =>
        PackageValidator.Validate(
            new PackageContents(Files, []),
            new ValidationContext(Framework, quizzesOn ? [new QuizBlockType(), new VideoBlockType()] : [new VideoBlockType()], published, published is null ? [] : [published.Value], new PackageLimits()));

    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0];
}
