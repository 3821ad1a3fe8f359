using Literacy.Modules.Features;

namespace Literacy.Modules.Themes;

/// <summary>The compiled-in themes, named explicitly by the host. The first is the default.</summary>
public sealed class ThemeCatalog
{
    public ThemeCatalog(IEnumerable<ITheme> themes)
    {
        Themes = themes.Select(t => t.Manifest).ToList();
        if (Themes.Count == 0)
        {
            throw new ModuleCatalogException("The host names no theme; at least one is needed.");
        }

        var unknownBase = Themes.FirstOrDefault(t => t.BaseTheme is not null && Find(t.BaseTheme) is null);
        if (unknownBase is not null)
        {
            throw new ModuleCatalogException($"Theme '{unknownBase.Id}' builds on unknown theme '{unknownBase.BaseTheme}'.");
        }
    }

    public IReadOnlyList<ThemeManifest> Themes { get; }

    public ThemeManifest Default => Themes[0];

    public static ThemeCatalog Of(params Type[] themeTypes) =>
        new(themeTypes.Select(t => (ITheme)Activator.CreateInstance(t)!));

    public ThemeManifest? Find(string? id) =>
        Themes.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The theme in use and its bases, nearest first.</summary>
    public IReadOnlyList<ThemeManifest> Chain(string? id)
    {
        var chain = new List<ThemeManifest>();
        for (var theme = Find(id) ?? Default; theme is not null && !chain.Contains(theme); theme = Find(theme.BaseTheme))
        {
            chain.Add(theme);
        }

        return chain;
    }
}
