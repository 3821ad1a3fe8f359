using System.Globalization;

namespace Literacy.Web.Localization;

/// <summary>
/// The languages the site speaks, from the setting <c>Localization:Cultures</c> (default "zh-CN,en"; the first one is
/// what a new visitor gets). Adding a language takes that setting and resource files (<c>Resources/*.{culture}.resx</c>
/// beside the zh-CN and en ones): no code. A text missing from them shows in English, since every resource key is the
/// English text, and a course without the language shows in Chinese, as it does for English.
/// </summary>
public sealed class SiteCultures
{
    public const string Setting = "Localization:Cultures";

    public const string Default = "zh-CN,en";

    private SiteCultures(IReadOnlyList<CultureInfo> all) => All = all;

    public IReadOnlyList<CultureInfo> All { get; }

    public static SiteCultures From(IConfiguration configuration)
    {
        var names = (configuration[Setting] is { Length: > 0 } value ? value : Default)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var cultures = new List<CultureInfo>();
        foreach (var name in names.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            try
            {
                cultures.Add(CultureInfo.GetCultureInfo(name, predefinedOnly: true));
            }
            catch (CultureNotFoundException)
            {
                throw new InvalidOperationException($"{Setting} names '{name}', which is not a culture this system knows (e.g. zh-CN, en, ug-CN).");
            }
        }

        return new SiteCultures(cultures.Count > 0 ? cultures : throw new InvalidOperationException($"{Setting} names no culture."));
    }

    public bool Speaks(string? name) => All.Any(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// What a speaker calls the language, in its own script (中文, English, ئۇيغۇرچە): the language alone, unless two of
    /// the site's cultures share it (then the region tells them apart).
    /// </summary>
    public string NativeName(CultureInfo culture) =>
        All.Count(c => c.TwoLetterISOLanguageName == culture.TwoLetterISOLanguageName) > 1
            ? culture.NativeName
            : CultureInfo.GetCultureInfo(culture.TwoLetterISOLanguageName).NativeName;
}
