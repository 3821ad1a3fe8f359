using System.Security.Claims;
using Literacy.Modules.Email;
using Literacy.Modules.Permissions;
using Literacy.Notifications.Preferences;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Literacy.Notifications.Controllers;

public sealed record EmailPreferencesRequest(List<EmailTopic>? Topics, string? Culture);

public sealed record EmailPreferencesPage(IReadOnlyList<EmailTopic> Offered, EmailChoices Choices, IReadOnlyList<string> Cultures, bool Saved);

/// <summary>A person chooses which email they get, and in which language.</summary>
[Authorize]
[Route("account/email")]
public sealed class EmailPreferencesController(EmailPreferences preferences, IOptions<RequestLocalizationOptions> localization, IStringLocalizer<NotificationsModule> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(bool saved, CancellationToken cancellationToken) =>
        View(new EmailPreferencesPage(Offered(), await preferences.GetAsync(UserId, cancellationToken), Cultures(), saved));

    [HttpPost("")]
    public async Task<IActionResult> Save(EmailPreferencesRequest request, CancellationToken cancellationToken)
    {
        var culture = request.Culture is { Length: > 0 } c && Cultures().Contains(c) ? c : null;
        var topics = (request.Topics ?? []).Where(Offered().Contains);
        // A topic this person is not offered (a learner and the trainers' summary) stays as it was.
        var kept = (await preferences.GetAsync(UserId, cancellationToken)).Topics.Where(t => !Offered().Contains(t));
        await preferences.SaveAsync(UserId, topics.Concat(kept), culture, cancellationToken);
        TempData["Message"] = T["Your email choices are saved."].Value;
        return RedirectToAction(nameof(Index), new { saved = true });
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private List<EmailTopic> Offered() =>
        Enum.GetValues<EmailTopic>().Where(t => t != EmailTopic.Account && (t != EmailTopic.TrainerSummary || User.IsInRole(Roles.Trainer))).ToList();

    private List<string> Cultures() => localization.Value.SupportedUICultures!.Select(c => c.Name).ToList();
}
