namespace Literacy.Modules.Features;

/// <summary>Where the site's switches live: which features are on and which theme is in use. The host implements it over its database.</summary>
public interface ISiteStateStore
{
    Task<SiteSnapshot> LoadAsync(CancellationToken cancellationToken);

    Task SaveFeaturesAsync(IReadOnlyCollection<string> enable, IReadOnlyCollection<string> disable, CancellationToken cancellationToken);

    Task SaveThemeAsync(string themeId, CancellationToken cancellationToken);
}

public sealed record SiteSnapshot(IReadOnlySet<string> EnabledFeatures, string? ThemeId)
{
    public static SiteSnapshot Empty { get; } = new(new HashSet<string>(), null);
}
