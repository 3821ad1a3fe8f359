namespace Literacy.Modules.Themes;

/// <summary>
/// A theme: a Razor class library whose views live under <c>Themes/{Id}/</c>, laid out like an app's
/// (<c>Views/Shared/_Layout.cshtml</c>, <c>Areas/{ModuleId}/Views/...</c>), so any view can be overridden by path.
/// </summary>
public sealed record ThemeManifest(string Id, string Name, string Description, string? BaseTheme = null);

public interface ITheme
{
    ThemeManifest Manifest { get; }
}
