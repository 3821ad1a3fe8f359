using Literacy.Modules.Competencies;
using Literacy.Modules.Lessons;

namespace Literacy.Courses.Packages;

/// <summary>What a package is checked against: the framework, the block types whose features are on, and what is installed.</summary>
public sealed record ValidationContext(
    CompetencyFramework Framework,
    IReadOnlyCollection<ILessonBlockType> EnabledBlockTypes,
    SemanticVersion? PublishedVersion,
    IReadOnlyCollection<SemanticVersion> InstalledVersions,
    PackageLimits Limits);

/// <summary>A package that passed every check, ready to be stored.</summary>
public sealed record ValidatedPackage(CourseManifest Manifest, IReadOnlyList<CompiledLesson> Lessons, IReadOnlyDictionary<string, byte[]> Media);

/// <summary>Checks all of a course package and lists every problem at once, each with its file and line.</summary>
public static class PackageValidator
{
    public static (ValidatedPackage? Package, IReadOnlyList<PackageProblem> Problems) Validate(PackageContents contents, ValidationContext context)
    {
        var problems = new List<PackageProblem>(contents.Problems);
        var files = contents.Files;
        if (!files.TryGetValue(ManifestReader.File, out var manifestBytes))
        {
            problems.Add(CourseProblems.At(ManifestReader.File, 0, "The package has no course.json at its root."));
            return (null, problems);
        }

        var manifest = ManifestReader.Read(manifestBytes, context.Framework, problems);
        var blockTypes = context.EnabledBlockTypes.ToDictionary(b => b.Name, StringComparer.Ordinal);
        if (manifest is not null)
        {
            CheckVersion(manifest, context, problems);
            foreach (var missing in manifest.Blocks.Where(b => !blockTypes.ContainsKey(b)))
            {
                problems.Add(CourseProblems.At(ManifestReader.File, 0, "The block type \"{0}\" is not provided by any enabled feature. Ask an administrator to switch its feature on.", missing));
            }
        }

        var media = CheckMedia(files, context.Limits, problems);
        foreach (var stray in files.Keys.Where(f => f != ManifestReader.File && !f.StartsWith("lessons/", StringComparison.Ordinal) && !f.StartsWith("media/", StringComparison.Ordinal)))
        {
            problems.Add(CourseProblems.At(stray, 0, "Unexpected file: a package holds course.json, lessons/ and media/ only."));
        }

        var lessons = manifest is null ? [] : CompileLessons(files, manifest, blockTypes, media, problems);
        return problems.Count > 0 ? (null, problems) : (new ValidatedPackage(manifest!, lessons, media), problems);
    }

    private static void CheckVersion(CourseManifest manifest, ValidationContext context, List<PackageProblem> problems)
    {
        if (context.InstalledVersions.Contains(manifest.Version))
        {
            problems.Add(CourseProblems.At(ManifestReader.File, 0, "Version {0} of {1} is already installed. Raise the version number.", manifest.Version, manifest.Id));
        }
        else if (context.PublishedVersion is { } published && manifest.Version <= published)
        {
            problems.Add(CourseProblems.At(ManifestReader.File, 0, "Version {0} is not higher than the published version {1}. Raise the version number.", manifest.Version, published));
        }
    }

    private static Dictionary<string, byte[]> CheckMedia(IReadOnlyDictionary<string, byte[]> files, PackageLimits limits, List<PackageProblem> problems)
    {
        var media = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (path, content) in files.Where(f => f.Key.StartsWith("media/", StringComparison.Ordinal)))
        {
            if (MediaTypes.Check(path, content, limits) is { } problem)
            {
                problems.Add(problem);
            }
            else
            {
                media[path] = content;
            }
        }

        return media;
    }

    private static List<CompiledLesson> CompileLessons(
        IReadOnlyDictionary<string, byte[]> files, CourseManifest manifest, Dictionary<string, ILessonBlockType> blockTypes, Dictionary<string, byte[]> media, List<PackageProblem> problems)
    {
        var compiler = new LessonCompiler(blockTypes, media);
        var declared = manifest.Blocks.ToHashSet();
        var lessons = new List<CompiledLesson>();
        var seen = new Dictionary<(string Culture, string Id), string>();
        foreach (var (path, bytes) in files.Where(f => f.Key.StartsWith("lessons/", StringComparison.Ordinal)).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var segments = path.Split('/');
            if (segments.Length != 3 || !path.EndsWith(".md", StringComparison.Ordinal))
            {
                problems.Add(CourseProblems.At(path, 0, "Lessons go in lessons/{{language}}/{{name}}.md."));
                continue;
            }

            var culture = segments[1];
            if (!manifest.Languages.Contains(culture))
            {
                problems.Add(CourseProblems.At(path, 0, "{0} is not one of the course's languages ({1}).", culture, string.Join(", ", manifest.Languages)));
                continue;
            }

            if (!TextFiles.TryDecode(bytes, path, problems, out var text))
            {
                continue;
            }

            var lesson = compiler.Compile(path, culture, text, $"/courses/{manifest.Id}/v/{manifest.Version}/media", declared, problems);
            if (lesson is null)
            {
                continue;
            }

            if (!manifest.Lessons.Contains(lesson.Id))
            {
                problems.Add(CourseProblems.At(path, 2, "The lesson \"{0}\" is not listed in \"lessons\" in course.json.", lesson.Id));
            }
            else if (seen.TryGetValue((culture, lesson.Id), out var other))
            {
                problems.Add(CourseProblems.At(path, 2, "The lesson id \"{0}\" is also used by {1}.", lesson.Id, other));
            }
            else
            {
                seen[(culture, lesson.Id)] = path;
                lessons.Add(lesson);
            }
        }

        foreach (var culture in manifest.Languages)
        {
            foreach (var missing in manifest.Lessons.Where(id => !seen.ContainsKey((culture, id)) && !problems.Any(p => p.File.StartsWith($"lessons/{culture}/", StringComparison.Ordinal))))
            {
                problems.Add(CourseProblems.At($"lessons/{culture}", 0, "The lesson \"{0}\" has no {1} file.", missing, culture));
            }
        }

        CheckBlocksMatchAcrossLanguages(lessons, seen, problems);
        return lessons;
    }

    private static void CheckBlocksMatchAcrossLanguages(List<CompiledLesson> lessons, Dictionary<(string Culture, string Id), string> paths, List<PackageProblem> problems)
    {
        foreach (var culture in lessons.Select(l => l.Culture).Distinct())
        {
            foreach (var duplicate in lessons.Where(l => l.Culture == culture).SelectMany(l => l.Blocks).GroupBy(b => b.Id).Where(g => g.Count() > 1))
            {
                problems.Add(CourseProblems.At($"lessons/{culture}", 0, "The block id \"{0}\" is used more than once.", duplicate.Key));
            }
        }

        foreach (var group in lessons.GroupBy(l => l.Id))
        {
            var first = group.First();
            foreach (var other in group.Skip(1))
            {
                var a = first.Blocks.Select(b => b.Id).Order();
                var b = other.Blocks.Select(x => x.Id).Order();
                if (!a.SequenceEqual(b))
                {
                    problems.Add(CourseProblems.At(paths[(other.Culture, other.Id)], 0,
                        "The blocks ({0}) differ from the {1} version's ({2}); every language needs the same quizzes.", string.Join(", ", b), first.Culture, string.Join(", ", a)));
                }
            }
        }
    }
}
