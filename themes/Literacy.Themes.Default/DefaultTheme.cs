using Literacy.Modules.Themes;

namespace Literacy.Themes.Default;

public sealed class DefaultTheme : ITheme
{
    public const string Id = "Default";

    public ThemeManifest Manifest { get; } = new(Id, "Default", "Clear, calm and high-contrast; works on any phone.");
}
