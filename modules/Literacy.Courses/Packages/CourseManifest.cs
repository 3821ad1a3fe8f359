using System.Text.Json;

namespace Literacy.Courses.Packages;

/// <summary>A course's course.json, once checked.</summary>
public sealed record CourseManifest(
    string Id,
    SemanticVersion Version,
    IReadOnlyList<string> Languages,
    IReadOnlyDictionary<string, string> Title,
    IReadOnlyDictionary<string, string> Summary,
    IReadOnlyList<string> Audiences,
    int Level,
    IReadOnlyList<string> Competencies,
    int Credits,
    int Minutes,
    int PassingScore,
    IReadOnlyList<string> Blocks,
    IReadOnlyList<string> Lessons)
{
    public static readonly string[] KnownAudiences = ["elderly", "farmers", "workers", "civil-servants", "women", "disabled", "general"];

    public static readonly string[] RequiredLanguages = ["zh-CN", "en"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    /// <summary>The title in the reader's language, else Chinese.</summary>
    public string TitleIn(string culture) => Title.GetValueOrDefault(culture) ?? Title["zh-CN"];

    public string SummaryIn(string culture) => Summary.GetValueOrDefault(culture) ?? Summary["zh-CN"];

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static CourseManifest FromJson(string json) => JsonSerializer.Deserialize<CourseManifest>(json, Json)!;
}
