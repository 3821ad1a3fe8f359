using System.Security.Claims;
using Literacy.Modules.Display;
using Literacy.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Literacy.Web.Display;

public sealed record DisplayRequest(bool Elder, int TextSize, bool HighContrast, string? ReturnUrl);

/// <summary>Display settings: elder mode, text size and contrast, for visitors (a cookie) and account holders (also on the account).</summary>
[Route("display")]
public sealed class DisplayController(UserManager<PlatformUser> users) : Controller
{
    [AllowAnonymous]
    [HttpGet("")]
    public IActionResult Index(string? returnUrl) => View(new DisplayPage(DisplayPreferences.Of(HttpContext), Safe(returnUrl)));

    [AllowAnonymous]
    [HttpPost("")]
    public async Task<IActionResult> Save(DisplayRequest request)
    {
        var size = DisplayPreferences.TextSizes.Contains(request.TextSize) ? request.TextSize : 100;
        await KeepAsync(new DisplayPreferences(request.Elder, size, request.HighContrast));
        return LocalRedirect(Safe(request.ReturnUrl));
    }

    /// <summary>
    /// The elder-mode switch on every page. A GET for visitors, as the language switch: it changes only their own cookie,
    /// so the pages they see carry no form token and can be cached. Signed-in people post it, and it is kept on their account.
    /// </summary>
    [AllowAnonymous]
    [HttpGet("elder")]
    public IActionResult SwitchForVisitor(bool on, string? returnUrl)
    {
        (DisplayPreferences.Of(HttpContext) with { Elder = on }).WriteTo(Response);
        return LocalRedirect(Safe(returnUrl));
    }

    [Authorize]
    [HttpPost("elder")]
    public async Task<IActionResult> Switch(bool on, string? returnUrl)
    {
        await KeepAsync(DisplayPreferences.Of(HttpContext) with { Elder = on });
        return LocalRedirect(Safe(returnUrl));
    }

    private async Task KeepAsync(DisplayPreferences preferences)
    {
        preferences.WriteTo(Response);
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id && await users.FindByIdAsync(id) is { } user)
        {
            user.DisplayPreferences = preferences.Value;
            await users.UpdateAsync(user);
        }
    }

    private string Safe(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}

public sealed record DisplayPage(DisplayPreferences Preferences, string ReturnUrl);
