using System.Text.Json;
using System.Text.Json.Serialization;
using Literacy.CreditBank.Data;
using Microsoft.Extensions.Options;

namespace Literacy.CreditBank.Units;

/// <summary>A certification unit as the platform ships it (<see cref="CreditBankOptions.UnitsFile"/>).</summary>
public sealed record BundledUnit(
    string Id,
    Dictionary<string, string> Title,
    Dictionary<string, string> Description,
    string Area,
    string[] Competencies,
    int Level,
    int Credits,
    BundledRule Rule)
{
    public string TitleIn(string culture) => Title.GetValueOrDefault(culture) ?? Title.GetValueOrDefault("en") ?? Id;

    /// <summary>The unit as the site stores it; a missing language stays empty, for the unit form's checks to name.</summary>
    public CertificationUnit ToUnit() => new()
    {
        Id = Id,
        TitleZh = Title.GetValueOrDefault("zh-CN") ?? string.Empty,
        TitleEn = Title.GetValueOrDefault("en") ?? string.Empty,
        DescriptionZh = Description.GetValueOrDefault("zh-CN") ?? string.Empty,
        DescriptionEn = Description.GetValueOrDefault("en") ?? string.Empty,
        Area = Area,
        Competencies = string.Join(',', Competencies),
        Level = Level,
        Credits = Credits,
        Rule = Rule.Kind,
        CourseId = Rule.Course,
        MinScore = Rule.MinScore,
        Minutes = Rule.Minutes,
    };
}

public sealed record BundledRule(EarningRule Kind, string? Course, double MinScore, int Minutes);

/// <summary>
/// The certification units that come with the platform. The setup recipe adds them on a site's first start; after an
/// upgrade of the platform, Admin → Credit bank offers the ones the site does not have yet.
/// </summary>
public sealed class BundledUnits(IOptions<CreditBankOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) } };

    public string File => Path.Combine(AppContext.BaseDirectory, options.Value.UnitsFile);

    /// <summary>Every unit in the file; none when the platform ships no file.</summary>
    public IReadOnlyList<BundledUnit> All() =>
        System.IO.File.Exists(File) ? JsonSerializer.Deserialize<List<BundledUnit>>(System.IO.File.ReadAllBytes(File), Json) ?? [] : [];

    /// <summary>The units whose id the site does not have. A unit the administrator changed or switched off is still the site's.</summary>
    public IReadOnlyList<BundledUnit> Missing(IEnumerable<string> known)
    {
        var have = known.ToHashSet(StringComparer.Ordinal);
        return [.. All().Where(u => !have.Contains(u.Id))];
    }
}
