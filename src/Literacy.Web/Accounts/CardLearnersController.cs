using Literacy.Modules.Audit;
using Literacy.Modules.Permissions;
using Literacy.Web.Data;
using Literacy.Web.Hosting;
using Literacy.Web.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Literacy.Web.Accounts;

/// <summary>
/// What a card session cannot do (<see cref="CardSessions"/>), the trainer who registered the learner does with them: give
/// the account an email address (to receive certificates, or to sign in with a password later) and delete it. Anyone
/// else's learner answers 404, as on the card list.
/// </summary>
[Authorize(Policy = HostPermissions.IssueSignInCards)]
[Route("cards/{userId}")]
public sealed class CardLearnersController(
    SignInCards cards,
    UserManager<PlatformUser> users,
    EmailConfirmation confirmation,
    AccountErasure erasure,
    IAuditTrail audit,
    IStringLocalizer<SiteText> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string userId, CancellationToken cancellationToken) =>
        await cards.LearnerAsync(User, userId, cancellationToken) is { } learner
            ? View(await PageAsync(learner, new LearnerEmailRequest { Email = learner.Email }, cancellationToken))
            : NotFound();

    [HttpPost("email")]
    [RequestSizeLimit(CredentialLimits.MaxFormBytes)]
    public async Task<IActionResult> Email(string userId, LearnerEmailRequest request, CancellationToken cancellationToken)
    {
        if (await cards.LearnerAsync(User, userId, cancellationToken) is not { } learner)
        {
            return NotFound();
        }

        var email = request.Email?.Trim() ?? string.Empty;
        var changed = !string.Equals(email, learner.Email, StringComparison.OrdinalIgnoreCase);
        if (ModelState.IsValid && email.Length == 0)
        {
            ModelState.AddModelError(nameof(request.Email), T["Please enter the learner's email address."]);
        }
        else if (ModelState.IsValid && changed && await users.FindByEmailAsync(email) is not null)
        {
            ModelState.AddModelError(nameof(request.Email), T["This email address already has an account."]);
        }

        if (!ModelState.IsValid)
        {
            return View(nameof(Index), await PageAsync(learner, request, cancellationToken));
        }

        if (changed)
        {
            // The new security stamp also ends the learner's sessions: they sign in again with their card.
            var saved = await confirmation.ChangeAddressAsync(learner, email, cancellationToken);
            if (!saved.Succeeded)
            {
                foreach (var error in saved.Errors)
                {
                    ModelState.AddModelError(nameof(request.Email), error.Description);
                }

                return View(nameof(Index), await PageAsync(learner, request, cancellationToken));
            }

            await audit.RecordAsync("account.email-set", learner.Id, "by the trainer who registered them", cancellationToken);
        }
        else if (learner.EmailConfirmed)
        {
            TempData["Message"] = T["Nothing to change: {0} is confirmed already.", email].Value;
            return RedirectToAction(nameof(Index), new { userId });
        }
        else
        {
            await confirmation.SendAsync(learner, cancellationToken); // the same address, not confirmed yet: a new link
        }

        TempData["Message"] = T["Saved. We sent a link to {0}: {1} opens it to confirm the address.", email, learner.DisplayName].Value;
        return RedirectToAction(nameof(Index), new { userId });
    }

    [HttpGet("delete")]
    public async Task<IActionResult> Delete(string userId, CancellationToken cancellationToken) =>
        await cards.LearnerAsync(User, userId, cancellationToken) is { } learner
            ? View(await PageAsync(learner, new LearnerEmailRequest(), cancellationToken))
            : NotFound();

    [HttpPost("delete")]
    public async Task<IActionResult> DeleteConfirmed(string userId, CancellationToken cancellationToken)
    {
        if (await cards.LearnerAsync(User, userId, cancellationToken) is not { } learner)
        {
            return NotFound();
        }

        // A learner who has since become staff is not deleted from here: their account is no longer only a learner's.
        if (!(await users.GetRolesAsync(learner)).SequenceEqual([Roles.Learner]) || !await erasure.EraseAsync(learner, "with the trainer who registered them", cancellationToken))
        {
            TempData["Error"] = T["{0} now has other work on the site, so their account cannot be deleted here. Ask an administrator.", learner.DisplayName].Value;
            return RedirectToAction(nameof(Index), new { userId });
        }

        TempData["Message"] = T["{0}'s account and personal data are deleted.", learner.DisplayName].Value;
        return Redirect("/cards");
    }

    private async Task<CardLearnerPage> PageAsync(PlatformUser learner, LearnerEmailRequest request, CancellationToken cancellationToken) =>
        new(learner.Id, learner.DisplayName, learner.Email, learner.EmailConfirmed, await cards.HasActiveCardAsync(learner.Id, cancellationToken), request);
}
