namespace Literacy.Insights;

/// <summary>Settings under "Insights".</summary>
public sealed class InsightsOptions
{
    /// <summary>How old (in seconds) the facts behind the pages may be; an older snapshot is read again in the background. 0: read on every page.</summary>
    public int RefreshSeconds { get; set; } = 60;

    /// <summary>How many weeks the weekly table shows.</summary>
    public int Weeks { get; set; } = 12;
}
