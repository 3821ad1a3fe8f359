using Literacy.Modules.Display;
using Literacy.Modules.Permissions;
using Literacy.Web.Data;
using Literacy.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Literacy.Web.Accounts;

/// <summary>
/// The link on a QR sign-in card. Opening it shows one large button; signing in takes that press (a POST), so a link
/// preview or a prefetch never signs anyone in. A forged or revoked card gets one plain answer.
/// </summary>
[AllowAnonymous]
[Route("card/{secret}")]
public sealed class CardSignInController(UserManager<PlatformUser> users, SignInManager<PlatformUser> signIn, SignInCards cards) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Show(string secret, CancellationToken cancellationToken)
    {
        var learner = await HolderAsync(secret, cancellationToken);
        if (learner is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return View("Refused");
        }

        return View("Show", learner.DisplayName);
    }

    [HttpPost("")]
    [EnableRateLimiting(CredentialLimits.Policy)]
    [RequestSizeLimit(CredentialLimits.MaxFormBytes)]
    public async Task<IActionResult> SignIn(string secret, CancellationToken cancellationToken)
    {
        var learner = await HolderAsync(secret, cancellationToken);
        if (learner is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return View("Refused");
        }

        await signIn.SignInAsync(learner, isPersistent: true, authenticationMethod: CardSessions.Method);
        if (learner.DisplayPreferences is { } display)
        {
            DisplayPreferences.Parse(display).WriteTo(Response);
        }

        return LocalRedirect("/");
    }

    /// <summary>The card's learner, while the card works and the account is a learner's alone, not locked.</summary>
    private async Task<PlatformUser?> HolderAsync(string secret, CancellationToken cancellationToken)
    {
        if (await cards.HolderAsync(secret, cancellationToken) is not { } userId || await users.FindByIdAsync(userId) is not { } learner)
        {
            return null;
        }

        // A card never opens a staff account (a learner who became a trainer signs in with a password), nor one that
        // chose two-step sign-in: the card would be a way round it.
        var roles = await users.GetRolesAsync(learner);
        return roles.All(r => r == Roles.Learner) && !learner.TwoFactorEnabled && !await users.IsLockedOutAsync(learner) ? learner : null;
    }
}
