using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Literacy.Modules.Competencies;

/// <summary>
/// The digital-competence framework: DigComp 2.2's five areas, their competences and eight proficiency levels, with the
/// national outline's dimensions. Courses name competences from it; the credit bank builds on it and lets administrators edit it.
/// An immutable snapshot: ask <see cref="ICompetencyFrameworkSource"/> for the current one.
/// </summary>
public sealed record CompetencyFramework(string Id, IReadOnlyList<CompetencyArea> Areas, IReadOnlyList<ProficiencyLevel> Levels)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool Contains(string competencyId) => Areas.Any(a => a.Competencies.Any(c => c.Id == competencyId));

    public int MaxLevel => Levels.Count;

    public string AreaName(string areaId, string culture) =>
        Areas.FirstOrDefault(a => a.Id == areaId) is { } a ? a.Name(culture) : areaId;

    public string LevelName(int level, string culture) =>
        Levels.FirstOrDefault(l => l.Level == level) is { } l ? l.Name(culture) : level.ToString(CultureInfo.InvariantCulture);

    public string CompetencyName(string competencyId, string culture) =>
        Areas.SelectMany(a => a.Competencies).FirstOrDefault(c => c.Id == competencyId) is { } c ? c.Name(culture) : competencyId;

    public static CompetencyFramework Load(string path) =>
        JsonSerializer.Deserialize<CompetencyFramework>(File.ReadAllText(path), Json)
            ?? throw new InvalidDataException($"{path} is empty.");
}

/// <summary>Something named in Chinese and English, as the framework file writes it ("zh-CN", "en").</summary>
public abstract record Named
{
    [JsonPropertyName("zh-CN")]
    public string Chinese { get; init; } = string.Empty;

    [JsonPropertyName("en")]
    public string English { get; init; } = string.Empty;

    public string Name(string culture) => culture == "zh-CN" ? Chinese : English;
}

/// <summary>An area, e.g. "4 Safety", with its competences and the national outline's dimensions it covers.</summary>
public sealed record CompetencyArea(string Id, IReadOnlyList<Competency> Competencies) : Named
{
    public IReadOnlyList<string> Outline { get; init; } = [];
}

public sealed record Competency(string Id) : Named;

public sealed record ProficiencyLevel(int Level) : Named;

/// <summary>The framework in force: the bundled file, or the administrators' edited copy when the credit bank keeps one.</summary>
public interface ICompetencyFrameworkSource
{
    Task<CompetencyFramework> CurrentAsync(CancellationToken cancellationToken);
}
