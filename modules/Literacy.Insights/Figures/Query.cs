namespace Literacy.Insights.Figures;

/// <summary>The dashboard's filters, each one code of its dimension or null for all. Bound from the query string.</summary>
public sealed record Filter(string? Group = null, string? Region = null, string? AgeBand = null, string? Area = null, string? Level = null)
{
    public static Filter All { get; } = new();

    public bool IsEmpty => this == All;

    /// <summary>A competency area or level narrows the course and unit figures; live classes belong to neither.</summary>
    public bool NarrowsCourses => Area is not null || Level is not null;

    public string? Of(Dimension dimension) => dimension switch
    {
        Dimension.Group => Group,
        Dimension.Region => Region,
        Dimension.AgeBand => AgeBand,
        Dimension.Area => Area,
        Dimension.Level => Level,
        _ => null,
    };

    public string QueryString() => string.Join('&', new[] { ("group", Group), ("region", Region), ("ageBand", AgeBand), ("area", Area), ("level", Level) }
        .Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
}

/// <summary>
/// Whose figures: everything (an administrator), or a trainer's own courses and classes. Credits and units belong to no
/// single course, so a trainer does not see them.
/// </summary>
public sealed record Scope(IReadOnlySet<string>? Courses, IReadOnlySet<string>? Classes, bool Awards)
{
    public static Scope Everything { get; } = new(null, null, true);

    public bool IsEverything => Courses is null && Classes is null && Awards;
}

/// <summary>Days (as <see cref="DateOnly.DayNumber"/>) an activity must fall within to count; null ends are open.</summary>
public sealed record Period(int? FromDay, int? ToDay)
{
    public static Period AllTime { get; } = new(null, null);

    public bool Contains(int day) => (FromDay is null || day >= FromDay) && (ToDay is null || day <= ToDay);
}
