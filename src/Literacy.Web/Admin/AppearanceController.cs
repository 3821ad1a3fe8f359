using Literacy.Modules.Audit;
using Literacy.Modules.Features;
using Literacy.Modules.Themes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Literacy.Web.Admin;

[Authorize(Policy = HostPermissions.ManageAppearance)]
[Route("admin/appearance")]
public sealed class AppearanceController(ThemeCatalog themes, SiteState state, IAuditTrail audit, IStringLocalizer<SiteText> T) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View(new AppearancePage(themes.Themes, (themes.Find(state.ThemeId) ?? themes.Default).Id));

    [HttpPost("")]
    public async Task<IActionResult> Index(string theme, CancellationToken cancellationToken)
    {
        var chosen = themes.Find(theme);
        if (chosen is null)
        {
            TempData["Error"] = T["There is no theme called {0}.", theme].Value;
            return RedirectToAction(nameof(Index));
        }

        await state.SetThemeAsync(chosen.Id, cancellationToken);
        await audit.RecordAsync("theme.changed", chosen.Id, cancellationToken: cancellationToken);
        TempData["Message"] = T["The site now uses the {0} theme.", chosen.Name].Value;
        return RedirectToAction(nameof(Index));
    }
}

public sealed record AppearancePage(IReadOnlyList<ThemeManifest> Themes, string Current);
