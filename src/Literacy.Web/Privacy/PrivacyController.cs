using System.Text.Json;
using Literacy.Modules.Audit;
using Literacy.Modules.Events;
using Literacy.Modules.People;
using Literacy.Modules.Permissions;
using Literacy.Web.Accounts;
using Literacy.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Literacy.Web.Privacy;

/// <summary>
/// A person's rights over their data (PIPL Art. 44–47): see and copy it (a page and JSON), correct it, delete the account.
/// Every action is on the signed-in person's own account: no address names another person, so none can reach them.
/// </summary>
[Authorize]
[Route("account/privacy")]
public sealed class PrivacyController(
    UserManager<PlatformUser> users,
    SignInManager<PlatformUser> signIn,
    EmailConfirmation confirmation,
    AccountData data,
    AccountErasure erasure,
    DomainEvents events,
    IAuditTrail audit,
    IStringLocalizer<SiteText> T) : Controller
{
    private static readonly JsonSerializerOptions Readable = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var user = await users.GetUserAsync(User);
        return user is null ? Challenge() : View(new ProfileRequest { DisplayName = user.DisplayName, Email = user.Email, About = AboutYouRequest.Of(user.Profile) });
    }

    [HttpPost("")]
    public async Task<IActionResult> Index(ProfileRequest request, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!request.About.Profile.IsValid)
        {
            ModelState.AddModelError(string.Empty, T["Please choose your answers from the lists."]);
        }

        var email = request.Email?.Trim() ?? string.Empty;
        if (email.Length == 0 && !string.IsNullOrEmpty(user.Email))
        {
            ModelState.AddModelError(nameof(request.Email), T["Please enter your email address."]);
        }

        if (!ModelState.IsValid)
        {
            return View(request);
        }

        var emailChanged = email.Length > 0 && !string.Equals(email, user.Email, StringComparison.OrdinalIgnoreCase);
        if (emailChanged && User.IsCardSession())
        {
            ModelState.AddModelError(nameof(request.Email), T["You signed in with a sign-in card, so your email address cannot be changed here. The trainer who gave you the card can change it with you."]);
            return View(request);
        }

        if (emailChanged && await users.FindByEmailAsync(email) is not null)
        {
            ModelState.AddModelError(nameof(request.Email), T["This email address already has an account."]);
            return View(request);
        }

        var profileChanged = user.Profile != request.About.Profile;
        user.DisplayName = request.DisplayName.Trim();
        (user.AgeBand, user.Region, user.OccupationGroup) = (request.About.Profile.AgeBand, request.About.Profile.Region, request.About.Profile.OccupationGroup);
        var saved = emailChanged ? await confirmation.ChangeAddressAsync(user, email, cancellationToken) : await users.UpdateAsync(user);
        if (!saved.Succeeded)
        {
            foreach (var error in saved.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }

            return View(request);
        }

        await signIn.RefreshSignInAsync(user); // the sign-in carries the email as the user's name
        if (profileChanged)
        {
            await events.PublishAsync(new LearnerProfileChanged(Guid.NewGuid(), user.Id, user.Profile), cancellationToken);
        }

        TempData["Message"] = emailChanged
            ? T["Your changes are saved. We sent a link to {0}: open it to confirm your new email address.", email].Value
            : T["Your changes are saved."].Value;
        return RedirectToAction(nameof(Index));
    }

    /// <summary>Straight after registering: the optional questions, which can be skipped.</summary>
    [HttpGet("about-you")]
    public async Task<IActionResult> AboutYou()
    {
        var user = await users.GetUserAsync(User);
        return user is null ? Challenge() : View(AboutYouRequest.Of(user.Profile));
    }

    [HttpPost("about-you")]
    public async Task<IActionResult> AboutYou(AboutYouRequest request, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var profile = request.Profile;
        if (!profile.IsValid)
        {
            ModelState.AddModelError(string.Empty, T["Please choose your answers from the lists."]);
            return View(request);
        }

        (user.AgeBand, user.Region, user.OccupationGroup) = (profile.AgeBand, profile.Region, profile.OccupationGroup);
        await users.UpdateAsync(user);
        await events.PublishAsync(new LearnerProfileChanged(Guid.NewGuid(), user.Id, profile), cancellationToken);
        return LocalRedirect("/");
    }

    [HttpGet("export")]
    public async Task<IActionResult> Export(CancellationToken cancellationToken) =>
        await ExportedAsync("page", cancellationToken) is { } parts ? View(parts) : Challenge();

    [HttpGet("export.json")]
    public async Task<IActionResult> ExportJson(CancellationToken cancellationToken)
    {
        if (await ExportedAsync("json", cancellationToken) is not { } parts)
        {
            return Challenge();
        }

        // Keyed by the culture-free names, each table a list of objects, so that the copy reads the same in any language.
        var copy = new Dictionary<string, object>
        {
            ["exportedUtc"] = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var part in parts)
        {
            copy[part.Key] = part.Tables.ToDictionary(t => t.Key, t => t.Rows.Select(r => t.Keys.Zip(r).ToDictionary(c => c.First, c => c.Second)).ToList());
        }

        return File(JsonSerializer.SerializeToUtf8Bytes(copy, Readable), "application/json", "my-data.json");
    }

    /// <summary>The signed-in person's data, recorded in the audit trail as exported; null if they are not signed in.</summary>
    private async Task<IReadOnlyList<PersonalDataPart>?> ExportedAsync(string format, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return null;
        }

        var parts = await data.ExportAsync(user, cancellationToken);
        await audit.RecordAsync("privacy.exported", user.Id, format, cancellationToken);
        return parts;
    }

    [HttpGet("delete")]
    public IActionResult Delete() =>
        User.IsInRole(Roles.Administrator) ? View("DeleteRefused") : User.IsCardSession() ? View("DeleteWithTrainer") : View();

    [HttpPost("delete")]
    public async Task<IActionResult> Delete(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (User.IsCardSession())
        {
            return View("DeleteWithTrainer");
        }

        if (!await erasure.EraseAsync(user, null, cancellationToken))
        {
            return View("DeleteRefused");
        }

        await signIn.SignOutAsync();
        return RedirectToAction(nameof(Deleted));
    }

    [AllowAnonymous]
    [HttpGet("deleted")]
    public IActionResult Deleted() => View();

    /// <summary>The whole privacy notice, for anyone, before and after they register.</summary>
    [AllowAnonymous]
    [HttpGet("/privacy")]
    public IActionResult Notice() => View();
}
