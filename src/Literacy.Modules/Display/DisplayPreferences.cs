using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Literacy.Modules.Display;

/// <summary>
/// How a person wants pages shown: elder mode (长辈模式), a text size and high contrast. Kept in a cookie for everyone and,
/// for people with an account, on the account too, so that it follows them to another phone.
/// </summary>
public sealed record DisplayPreferences(bool Elder, int TextSize, bool HighContrast)
{
    public const string CookieName = "literacy.display";

    public static readonly IReadOnlyList<int> TextSizes = [100, 125, 150, 200];

    public static DisplayPreferences Default { get; } = new(false, 100, false);

    /// <summary>The cookie's value, e.g. "e1.t150.c0".</summary>
    public string Value => string.Create(CultureInfo.InvariantCulture, $"e{(Elder ? 1 : 0)}.t{TextSize}.c{(HighContrast ? 1 : 0)}");

    /// <summary>The classes on &lt;html&gt; that the theme styles.</summary>
    public string CssClass => string.Join(' ', new[]
    {
        Elder ? "elder" : null,
        TextSize != 100 ? string.Create(CultureInfo.InvariantCulture, $"text-{TextSize}") : null,
        HighContrast ? "high-contrast" : null,
    }.OfType<string>());

    /// <summary>Reads a stored value; anything unknown falls back to the default, so a tampered cookie cannot break a page.</summary>
    public static DisplayPreferences Parse(string? value)
    {
        var parts = (value ?? string.Empty).Split('.');
        if (parts.Length != 3 || parts[0] is not ("e0" or "e1") || parts[2] is not ("c0" or "c1")
            || !int.TryParse(parts[1].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var size) || parts[1][0] != 't' || !TextSizes.Contains(size))
        {
            return Default;
        }

        return new DisplayPreferences(parts[0] == "e1", size, parts[2] == "c1");
    }

    public static DisplayPreferences Of(HttpContext context) => Parse(context.Request.Cookies[CookieName]);

    public void WriteTo(HttpResponse response) =>
        response.Cookies.Append(CookieName, Value, new CookieOptions
        {
            Expires = DateTimeOffset.UtcNow.AddYears(1),
            IsEssential = true, // a display need, not tracking
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
        });
}
