using System.Security.Claims;
using Literacy.Modules.Display;
using Literacy.Modules.Permissions;
using Literacy.Web.Data;
using Literacy.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Literacy.Web.Accounts;

/// <summary>
/// Two-step sign-in with an authenticator app (TOTP): setting it up, the code step after the password, signing in with a
/// recovery code when the phone is lost, and new recovery codes.
/// </summary>
[Route("account/two-factor")]
public sealed class TwoFactorController(
    UserManager<PlatformUser> users,
    SignInManager<PlatformUser> signIn,
    IConfiguration configuration,
    IStringLocalizer<SiteText> T) : Controller
{
    private const int RecoveryCodeCount = 10;

    [AllowAnonymous]
    [HttpGet("")]
    public async Task<IActionResult> Code(string? returnUrl, bool rememberMe)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToAction("Login", "Account");
        }

        ModelState.Clear();
        return View(new TwoFactorCodeRequest { ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null, RememberMe = rememberMe });
    }

    [AllowAnonymous]
    [HttpPost("")]
    [EnableRateLimiting(CredentialLimits.Policy)]
    [RequestSizeLimit(CredentialLimits.MaxFormBytes)]
    public async Task<IActionResult> Code(TwoFactorCodeRequest request)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToAction("Login", "Account");
        }

        if (!ModelState.IsValid)
        {
            return View(request);
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(request.Code, request.RememberMe, rememberClient: false);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(request.ReturnUrl) ? request.ReturnUrl : "/");
        }

        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? T["For your safety, this account is locked for a while after too many wrong codes. Please wait 15 minutes and try again."]
            : T["This code is not right, or it was used already. The code changes every 30 seconds: please type the one your app shows now."]);
        return View(request with { Code = string.Empty });
    }

    [AllowAnonymous]
    [HttpGet("recovery")]
    public async Task<IActionResult> Recovery(string? returnUrl)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToAction("Login", "Account");
        }

        ModelState.Clear();
        return View(new RecoveryCodeRequest { ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null });
    }

    [AllowAnonymous]
    [HttpPost("recovery")]
    [EnableRateLimiting(CredentialLimits.Policy)]
    [RequestSizeLimit(CredentialLimits.MaxFormBytes)]
    public async Task<IActionResult> Recovery(RecoveryCodeRequest request)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToAction("Login", "Account");
        }

        if (!ModelState.IsValid)
        {
            return View(request);
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(request.Code.Replace(" ", string.Empty, StringComparison.Ordinal));
        if (result.Succeeded)
        {
            TempData["Message"] = T["You are signed in. Each recovery code works only once: if you lost your phone, set up two-step sign-in again on your new phone."].Value;
            return LocalRedirect(Url.IsLocalUrl(request.ReturnUrl) ? request.ReturnUrl : "/");
        }

        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? T["For your safety, this account is locked for a while after too many wrong codes. Please wait 15 minutes and try again."]
            : T["This recovery code is not right, or it was used already. Please check it and try another one."]);
        return View(request with { Code = string.Empty });
    }

    [Authorize]
    [HttpGet("setup")]
    public async Task<IActionResult> Setup(bool required)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return View("Status", new TwoFactorStatusPage(await users.CountRecoveryCodesAsync(user), CanTurnOff()));
        }

        return View(await SetupPageAsync(user, required, new TwoFactorCodeRequest()));
    }

    [Authorize]
    [HttpPost("setup")]
    [EnableRateLimiting(CredentialLimits.Policy)]
    [RequestSizeLimit(CredentialLimits.MaxFormBytes)]
    public async Task<IActionResult> Setup(TwoFactorCodeRequest request)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Setup));
        }

        if (!ModelState.IsValid)
        {
            return View(await SetupPageAsync(user, false, request));
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, request.Code))
        {
            ModelState.AddModelError(string.Empty, T["This code is not right, or it was used already. The code changes every 30 seconds: please type the one your app shows now."]);
            return View(await SetupPageAsync(user, false, request with { Code = string.Empty }));
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        // Sessions elsewhere that signed in with the password alone end; this one goes on as a two-step session.
        await users.UpdateSecurityStampAsync(user);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
        return View("RecoveryCodes", new RecoveryCodesPage([.. codes!]));
    }

    [Authorize]
    [HttpPost("recovery-codes")]
    [RequestSizeLimit(CredentialLimits.MaxFormBytes)]
    public async Task<IActionResult> NewRecoveryCodes()
    {
        var user = await users.GetUserAsync(User);
        if (user is not { TwoFactorEnabled: true })
        {
            return RedirectToAction(nameof(Setup));
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        return View("RecoveryCodes", new RecoveryCodesPage([.. codes!]));
    }

    [Authorize]
    [HttpPost("off")]
    [RequestSizeLimit(CredentialLimits.MaxFormBytes)]
    public async Task<IActionResult> TurnOff()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!CanTurnOff())
        {
            TempData["Error"] = T["Administrators must keep two-step sign-in on."].Value;
            return RedirectToAction(nameof(Setup));
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0); // the old codes stop working
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = T["Two-step sign-in is off. You sign in with your password alone."].Value;
        return RedirectToAction(nameof(Setup));
    }

    private bool CanTurnOff() => !(User.IsInRole(Roles.Administrator) && AdminTwoFactor.IsRequired(configuration));

    private async Task<TwoFactorSetupPage> SetupPageAsync(PlatformUser user, bool required, TwoFactorCodeRequest form)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // A new key changes the security stamp, which would end this very session at its next check, a minute on,
            // while the person is still typing the code from the app: it goes on with the new stamp.
            await signIn.RefreshSignInAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }

        var account = Uri.EscapeDataString(user.Email ?? user.UserName ?? user.Id);
        var uri = $"otpauth://totp/Literacy:{account}?secret={key}&issuer=Literacy&digits=6";
        var grouped = string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        return new TwoFactorSetupPage(grouped, QrCodes.Svg(uri), required && User.IsInRole(Roles.Administrator), form);
    }
}
