using Literacy.Modules;
using Literacy.Modules.Audit;
using Literacy.Modules.Features;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Literacy.Web.Admin;

/// <summary>Lists modules and switches their features, showing first what else a switch changes.</summary>
[Authorize(Policy = HostPermissions.ManageModules)]
[Route("admin/modules")]
public sealed class ModulesController(ModuleCatalog catalog, SiteState state, IAuditTrail audit, IStringLocalizer<SiteText> T) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View(new ModulesPage(catalog, state));

    [HttpPost("{featureId}/enable")]
    public Task<IActionResult> Enable(string featureId, bool confirmed, CancellationToken cancellationToken) =>
        ChangeAsync(state.PlanEnable(featureId), confirmed, cancellationToken);

    [HttpPost("{featureId}/disable")]
    public Task<IActionResult> Disable(string featureId, bool confirmed, CancellationToken cancellationToken) =>
        ChangeAsync(state.PlanDisable(featureId), confirmed, cancellationToken);

    /// <summary>Applies a switch. When others change too, shows them and asks to confirm first.</summary>
    private async Task<IActionResult> ChangeAsync(FeatureChange change, bool confirmed, CancellationToken cancellationToken)
    {
        if (change.IsRefused)
        {
            TempData["Error"] = change.Refusal;
            return RedirectToAction(nameof(Index));
        }

        if (change.NeedsConfirmation && !confirmed)
        {
            return View("Confirm", change);
        }

        await state.ApplyAsync(change, confirmed, cancellationToken);
        var changed = string.Join(", ", change.AlsoChanged.Prepend(change.FeatureId));
        await audit.RecordAsync(change.Enable ? "feature.enabled" : "feature.disabled", change.FeatureId, changed, cancellationToken);
        TempData["Message"] = (change.Enable ? T["Switched on: {0}", changed] : T["Switched off: {0}", changed]).Value;
        return RedirectToAction(nameof(Index));
    }
}

public sealed record ModulesPage(ModuleCatalog Catalog, SiteState State);
