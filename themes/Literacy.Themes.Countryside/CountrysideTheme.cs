using Literacy.Modules.Themes;
using Literacy.Themes.Default;

namespace Literacy.Themes.Countryside;

public sealed class CountrysideTheme : ITheme
{
    public const string Id = "Countryside";

    public ThemeManifest Manifest { get; } = new(
        Id, "Countryside", "Warm greens for rural community centres; speaks to farmers on the course catalog.", DefaultTheme.Id);
}
