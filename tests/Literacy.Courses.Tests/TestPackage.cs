using System.IO.Compression;
using System.Text;
using Literacy.Assessments.Quizzes;
using Literacy.Courses.Blocks;
using Literacy.Courses.Packages;
using Literacy.Modules.Competencies;

namespace Literacy.Courses.Tests;

/// <summary>A small valid course package in memory, which each test breaks in one way.</summary>
internal sealed class TestPackage
{
    public Dictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    public static string FrameworkPath
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var path = Path.Combine(dir.FullName, "content", "frameworks", "digcomp-2.2.json");
                if (File.Exists(path))
                {
                    return path;
                }
            }

            throw new FileNotFoundException("content/frameworks/digcomp-2.2.json");
        }
    }

    public static CompetencyFramework Framework { get; } = CompetencyFramework.Load(FrameworkPath);

    public const string Manifest = """
        {
          "id": "phone-safety",
          "version": "1.0.0",
          "languages": ["zh-CN", "en"],
          "title": { "zh-CN": "手机安全", "en": "Phone safety" },
          "summary": { "zh-CN": "保护好您的手机。", "en": "Keep your phone safe." },
          "audiences": ["elderly"],
          "level": 1,
          "competencies": ["4.1"],
          "credits": 1,
          "minutes": 20,
          "passingScore": 60,
          "blocks": ["quiz"],
          "lessons": ["lock", "check"]
        }
        """;

    public static TestPackage Valid()
    {
        var package = new TestPackage();
        package.Set("course.json", Manifest);
        foreach (var (culture, lockTitle, checkTitle) in new[] { ("zh-CN", "锁屏", "小测验"), ("en", "Lock screen", "Quiz") })
        {
            package.Set($"lessons/{culture}/01-lock.md", $"---\nid: lock\ntitle: {lockTitle}\nminutes: 10\n---\n# {lockTitle}\n\n1. Open **Settings**.\n2. Choose a PIN.\n");
            package.Set($"lessons/{culture}/02-check.md", $"---\nid: check\ntitle: {checkTitle}\nminutes: 10\n---\n# {checkTitle}\n\n```quiz\nid: lock-quiz\nattempts: 3\n\n? Should you tell anyone your PIN?\n( ) Yes\n(x) No\n> Your PIN is yours alone.\n```\n");
        }

        return package;
    }

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
