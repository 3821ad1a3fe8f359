using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Literacy.Modules.Competencies;
using Literacy.Modules.Lessons;

namespace Literacy.Courses.Packages;

/// <summary>Reads course.json and reports every problem with its line, not just the first.</summary>
internal static partial class ManifestReader
{
    public const string File = "course.json";

    private static readonly string[] Fields =
        ["id", "version", "languages", "title", "summary", "audiences", "level", "competencies", "credits", "minutes", "passingScore", "blocks", "lessons"];

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{1,58})[a-z0-9]$")]
    public static partial Regex CourseId();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,59}$")]
    public static partial Regex ItemId();

    private delegate void Report(string field, string message, params object[] args);

    /// <summary>
    /// The course id, read the way <see cref="Read"/> reads it (a byte-order mark, comments), or null: the installed and
    /// published versions it names are what a new version is checked against, so a stricter read would skip that check.
    /// </summary>
    public static string? IdOf(byte[] bytes)
    {
        if (!TextFiles.TryDecode(bytes, File, [], out var text))
        {
            return null;
        }

        try
        {
            using var document = Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonDocument Parse(string text) =>
        JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Skip });

    public static CourseManifest? Read(byte[] bytes, CompetencyFramework framework, List<PackageProblem> problems)
    {
        if (!TextFiles.TryDecode(bytes, File, problems, out var text))
        {
            return null;
        }

        JsonDocument document;
        try
        {
            document = Parse(text);
        }
        catch (JsonException ex)
        {
            problems.Add(CourseProblems.At(File, (int)(ex.LineNumber ?? 0) + 1, "This is not valid JSON: {0}", ex.Message.Split(" Path:")[0]));
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problems.Add(CourseProblems.At(File, 1, "course.json must be one JSON object."));
                return null;
            }

            var lines = PropertyLines(Encoding.UTF8.GetBytes(text));
            void Problem(string field, string message, params object[] args) => problems.Add(CourseProblems.At(File, lines.GetValueOrDefault(field, 1), message, args));

            foreach (var property in root.EnumerateObject().Where(p => !Fields.Contains(p.Name)))
            {
                Problem(property.Name, "Unknown field \"{0}\". The fields are: {1}.", property.Name, string.Join(", ", Fields));
            }

            var id = String(root, "id", Problem);
            if (id is not null && !CourseId().IsMatch(id))
            {
                Problem("id", "The id \"{0}\" must be 3 to 60 lower-case letters, digits or dashes.", id);
            }

            var versionText = String(root, "version", Problem);
            if (versionText is not null && !SemanticVersion.TryParse(versionText, out _))
            {
                Problem("version", "The version \"{0}\" must look like 1.0.0 (MAJOR.MINOR.PATCH).", versionText);
            }

            var languages = Strings(root, "languages", Problem);
            foreach (var missing in CourseManifest.RequiredLanguages.Except(languages))
            {
                Problem("languages", "The course must be written in {0}; add it to \"languages\".", missing);
            }

            var title = Texts(root, "title", languages, 100, Problem);
            var summary = Texts(root, "summary", languages, 500, Problem);

            var audiences = Strings(root, "audiences", Problem);
            if (audiences.Count == 0 && root.TryGetProperty("audiences", out _))
            {
                Problem("audiences", "Name at least one audience.");
            }

            foreach (var unknown in audiences.Except(CourseManifest.KnownAudiences))
            {
                Problem("audiences", "Unknown audience \"{0}\". Use {1}.", unknown, string.Join(", ", CourseManifest.KnownAudiences));
            }

            var competencies = Strings(root, "competencies", Problem);
            foreach (var unknown in competencies.Where(c => !framework.Contains(c)))
            {
                Problem("competencies", "Unknown competency \"{0}\": it is not in the framework {1}.", unknown, framework.Id);
            }

            var level = Number(root, "level", 1, framework.MaxLevel, Problem);
            var credits = Number(root, "credits", 0, 20, Problem);
            var minutes = Number(root, "minutes", 1, 6000, Problem);
            var passing = Number(root, "passingScore", 0, 100, Problem);
            var blocks = Strings(root, "blocks", Problem);
            var lessons = Strings(root, "lessons", Problem);
            if (lessons.Count == 0 && root.TryGetProperty("lessons", out _))
            {
                Problem("lessons", "List at least one lesson.");
            }

            foreach (var duplicate in lessons.GroupBy(l => l).Where(g => g.Count() > 1))
            {
                Problem("lessons", "The lesson \"{0}\" is listed twice.", duplicate.Key);
            }

            foreach (var bad in lessons.Where(l => !ItemId().IsMatch(l)))
            {
                Problem("lessons", "The lesson id \"{0}\" must be lower-case letters, digits or dashes.", bad);
            }

            // Even with problems, lessons are still checked when the fields they depend on could be read: every problem is listed at once.
            var usable = id is not null && SemanticVersion.TryParse(versionText, out _) && languages.Count > 0;
            return !usable
                ? null
                : new CourseManifest(id!, SemanticVersion.Parse(versionText!), languages, title, summary, audiences, level, competencies, credits, minutes, passing, blocks, lessons);
        }
    }

    private static string? String(JsonElement root, string name, Report problem)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            problem(name, "The field \"{0}\" is missing.", name);
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            problem(name, "\"{0}\" must be a text.", name);
            return null;
        }

        return value.GetString();
    }

    private static List<string> Strings(JsonElement root, string name, Report problem)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            problem(name, "The field \"{0}\" is missing.", name);
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            problem(name, "\"{0}\" must be a list of texts, like [\"a\", \"b\"].", name);
            return [];
        }

        return value.EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    private static Dictionary<string, string> Texts(JsonElement root, string name, IReadOnlyList<string> languages, int maxLength, Report problem)
    {
        var texts = new Dictionary<string, string>();
        if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Object)
        {
            problem(name, "\"{0}\" must be an object with one text per language, like {{ \"zh-CN\": \"...\", \"en\": \"...\" }}.", name);
            return texts;
        }

        foreach (var property in value.EnumerateObject())
        {
            if (!languages.Contains(property.Name))
            {
                problem(name, "\"{0}\" has a text in {1}, which is not in \"languages\".", name, property.Name);
            }
            else if (property.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(property.Value.GetString()))
            {
                problem(name, "The {0} {1} is empty.", property.Name, name);
            }
            else if (property.Value.GetString()!.Length > maxLength)
            {
                problem(name, "The {0} {1} is longer than {2} characters.", property.Name, name, maxLength);
            }
            else
            {
                texts[property.Name] = property.Value.GetString()!;
            }
        }

        foreach (var missing in languages.Where(l => !value.TryGetProperty(l, out _)))
        {
            problem(name, "The {0} has no {1} translation.", name, missing);
        }

        return texts;
    }

    private static int Number(JsonElement root, string name, int min, int max, Report problem)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            problem(name, "The field \"{0}\" is missing.", name);
            return 0;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < min || number > max)
        {
            problem(name, "\"{0}\" must be a whole number from {1} to {2}.", name, min, max);
            return 0;
        }

        return number;
    }

    /// <summary>The line of each top-level property, so problems point where the author must look.</summary>
    private static Dictionary<string, int> PropertyLines(byte[] utf8)
    {
        var lines = new Dictionary<string, int>();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
            {
                var line = 1 + utf8.AsSpan(0, (int)reader.TokenStartIndex).Count((byte)'\n');
                lines.TryAdd(reader.GetString()!, line);
            }
        }

        return lines;
    }
}
