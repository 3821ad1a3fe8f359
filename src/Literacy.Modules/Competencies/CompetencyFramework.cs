using System.Text.Json;
using System.Text.Json.Serialization;

namespace Literacy.Modules.Competencies;

/// <summary>
/// The digital-competence framework (content/frameworks/digcomp-2.2.json): DigComp 2.2's five areas, their competences and
/// eight proficiency levels, with the national outline's dimensions. Courses name competences from it; the credit bank builds on it.
/// </summary>
public sealed record CompetencyFramework(string Id, IReadOnlyList<CompetencyArea> Areas, IReadOnlyList<JsonElement> Levels)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool Contains(string competencyId) => Areas.Any(a => a.Competencies.Any(c => c.Id == competencyId));

    public int MaxLevel => Levels.Count;

    public string AreaName(string areaId, string culture) =>
        Areas.FirstOrDefault(a => a.Id == areaId) is { } a ? (culture == "zh-CN" ? a.Chinese : a.English) : areaId;

    public string LevelName(int level, string culture) =>
        Levels.FirstOrDefault(l => l.GetProperty("level").GetInt32() == level) is { ValueKind: JsonValueKind.Object } l
            && l.TryGetProperty(culture == "zh-CN" ? "zh-CN" : "en", out var name) ? name.GetString()! : level.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static CompetencyFramework Load(string path) =>
        JsonSerializer.Deserialize<CompetencyFramework>(File.ReadAllText(path), Json)
            ?? throw new InvalidDataException($"{path} is empty.");
}

public sealed record CompetencyArea(string Id, IReadOnlyList<Competency> Competencies)
{
    [JsonPropertyName("zh-CN")]
    public string Chinese { get; init; } = string.Empty;

    [JsonPropertyName("en")]
    public string English { get; init; } = string.Empty;
}

public sealed record Competency(string Id)
{
    [JsonPropertyName("zh-CN")]
    public string Chinese { get; init; } = string.Empty;

    [JsonPropertyName("en")]
    public string English { get; init; } = string.Empty;
}
