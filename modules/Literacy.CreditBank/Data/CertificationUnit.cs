namespace Literacy.CreditBank.Data;

/// <summary>
/// A named set of competencies at a proficiency level, worth some credits, earned by one rule:
/// a course completed with a minimum score, or a number of live-class minutes.
/// </summary>
public sealed class CertificationUnit
{
    public required string Id { get; set; }

    public required string TitleZh { get; set; }

    public required string TitleEn { get; set; }

    public required string DescriptionZh { get; set; }

    public required string DescriptionEn { get; set; }

    /// <summary>The framework area the unit counts towards, e.g. "4" (safety).</summary>
    public required string Area { get; set; }

    /// <summary>Competency ids from the framework, comma-separated, e.g. "4.1,4.2".</summary>
    public required string Competencies { get; set; }

    public int Level { get; set; }

    public int Credits { get; set; }

    public EarningRule Rule { get; set; }

    /// <summary>For <see cref="EarningRule.CourseCompleted"/>: the course, and the lowest score that earns the unit.</summary>
    public string? CourseId { get; set; }

    public double MinScore { get; set; }

    /// <summary>For <see cref="EarningRule.LiveClassMinutes"/>: the minutes of attended live classes that earn the unit.</summary>
    public int Minutes { get; set; }

    public bool Active { get; set; } = true;

    /// <summary>
    /// Since when the unit pays by its rule as it stands: set when the unit is added, when its rule comes to pay learning
    /// it did not pay before (another course, a lower score or fewer minutes) and when it is switched back on. Learning
    /// done before then (a course completed, minutes attended) is paid only if an administrator asks (<c>EarlierLearning</c>).
    /// </summary>
    public DateTime RuleSinceUtc { get; set; }

    public string Title(string culture) => culture == "zh-CN" ? TitleZh : TitleEn;

    public string Description(string culture) => culture == "zh-CN" ? DescriptionZh : DescriptionEn;

    public IReadOnlyList<string> CompetencyIds => Competencies.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public enum EarningRule
{
    CourseCompleted,
    LiveClassMinutes,
    /// <summary>Earned only through an approved credential from another institution.</summary>
    Recognition,
}
