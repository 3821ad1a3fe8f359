using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Literacy.Web.Localization;

[AllowAnonymous]
public sealed class CultureController(SiteCultures cultures) : Controller
{
    /// <summary>Switches the interface language and returns to the same page. Works without JavaScript.</summary>
    [HttpGet("/culture")]
    public IActionResult Set([FromQuery] string culture, [FromQuery] string? returnUrl)
    {
        if (cultures.Speaks(culture))
        {
            Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
