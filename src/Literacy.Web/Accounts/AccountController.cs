using Literacy.Modules.Display;
using Literacy.Modules.Permissions;
using Literacy.Web.Data;
using Literacy.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Localization;

namespace Literacy.Web.Accounts;

[Route("account")]
public sealed class AccountController(
    UserManager<PlatformUser> users,
    SignInManager<PlatformUser> signIn,
    IAccountMessages messages,
    EmailConfirmation confirmation,
    IOptions<IdentityOptions> identity,
    TimeProvider clock,
    IStringLocalizer<SiteText> T) : Controller
{
    [AllowAnonymous]
    [HttpGet("register")]
    public IActionResult Register() => View(new RegisterRequest());

    [AllowAnonymous]
    [EnableRateLimiting(CredentialLimits.Policy)]
    [RequestSizeLimit(CredentialLimits.MaxFormBytes)]
    [HttpPost("register")]
    public async Task<IActionResult> Register(RegisterRequest request)
    {
        if (!ModelState.IsValid)
        {
            return View(request);
        }

        var display = DisplayPreferences.Of(HttpContext) with { Elder = request.Elder };
        var user = new PlatformUser
        {
            UserName = request.Email, Email = request.Email, DisplayName = request.DisplayName.Trim(), DisplayPreferences = display.Value,
            ConsentedUtc = DateTime.UtcNow, ConsentNoticeVersion = PrivacyNotice.Version,
        };
        var created = await users.CreateAsync(user, request.Password);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(user, Roles.Learner);
        }

        if (!created.Succeeded)
        {
            AddErrors(created);
            return View(request);
        }

        await confirmation.SendAsync(user, HttpContext.RequestAborted);
        await signIn.SignInAsync(user, isPersistent: false);
        display.WriteTo(Response);
        return LocalRedirect("/account/privacy/about-you"); // the optional questions come separately, and can be skipped
    }

    /// <summary>The link in the welcome email. Opening it twice is harmless.</summary>
    [AllowAnonymous]
    [HttpGet("confirm")]
    public async Task<IActionResult> ConfirmEmail(string? userId, string? code)
    {
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        var confirmed = user is not null && code is not null && (user.EmailConfirmed || (await users.ConfirmEmailAsync(user, code)).Succeeded);
        if (!confirmed)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return View(confirmed);
    }

    /// <summary>A new confirmation link, for someone whose first email was lost or who never opened it.</summary>
    [Authorize]
    [EnableRateLimiting(CredentialLimits.Policy)]
    [HttpPost("confirm/again")]
    public async Task<IActionResult> ConfirmEmailAgain(string? returnUrl)
    {
        var user = await users.GetUserAsync(User);
        if (user is { EmailConfirmed: false, Email.Length: > 0 })
        {
            await confirmation.SendAsync(user, HttpContext.RequestAborted);
            TempData["Message"] = T["We sent a new link to {0}. Open it, then come back to this page.", user.Email].Value;
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }

    [AllowAnonymous]
    [HttpGet("login")]
    public IActionResult Login(string? returnUrl)
    {
        ModelState.Clear(); // the form carries the checked address, not the one in the query
        return View(new LoginRequest { ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null });
    }

    [AllowAnonymous]
    [EnableRateLimiting(CredentialLimits.Policy)]
    [RequestSizeLimit(CredentialLimits.MaxFormBytes)]
    [HttpPost("login")]
    public async Task<IActionResult> Login(LoginRequest request)
    {
        if (!ModelState.IsValid)
        {
            return View(request);
        }

        var result = await signIn.PasswordSignInAsync(request.Email, request.Password, request.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            // The account's display choice follows the person to this phone.
            if ((await users.FindByEmailAsync(request.Email))?.DisplayPreferences is { } display)
            {
                DisplayPreferences.Parse(display).WriteTo(Response);
            }

            return LocalRedirect(Url.IsLocalUrl(request.ReturnUrl) ? request.ReturnUrl : "/");
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToAction("Code", "TwoFactor", new { returnUrl = Url.IsLocalUrl(request.ReturnUrl) ? request.ReturnUrl : null, rememberMe = request.RememberMe });
        }

        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? await LockedOutAsync(request.Email)
            : T["The email address or the password is not right. Please check them and try again."]);
        return View(request with { Password = string.Empty });
    }

    [Authorize]
    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }

    /// <summary>Account settings: every page about the person's own account, from one link in the header.</summary>
    [Authorize]
    [HttpGet("")]
    public async Task<IActionResult> Index() =>
        await users.GetUserAsync(User) is { } user ? View(new AccountSettingsPage(user.DisplayName, user.Email)) : Challenge();

    [AllowAnonymous]
    [HttpGet("denied")]
    public IActionResult Denied() => View();

    [Authorize]
    [HttpGet("password")]
    public IActionResult ChangePassword() => View(new ChangePasswordRequest());

    [Authorize]
    [EnableRateLimiting(CredentialLimits.Policy)]
    [RequestSizeLimit(CredentialLimits.MaxFormBytes)]
    [HttpPost("password")]
    public async Task<IActionResult> ChangePassword(ChangePasswordRequest request)
    {
        if (!ModelState.IsValid)
        {
            return View(request);
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var changed = await users.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword);
        if (!changed.Succeeded)
        {
            AddErrors(changed);
            return View(new ChangePasswordRequest());
        }

        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = T["Your password has been changed."].Value;
        return RedirectToAction(nameof(ChangePassword));
    }

    [AllowAnonymous]
    [HttpGet("forgot")]
    public IActionResult ForgotPassword() => View(new ForgotPasswordRequest());

    [AllowAnonymous]
    [EnableRateLimiting(CredentialLimits.Policy)]
    [RequestSizeLimit(CredentialLimits.MaxFormBytes)]
    [HttpPost("forgot")]
    public async Task<IActionResult> ForgotPassword(ForgotPasswordRequest request, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(request);
        }

        // The same answer whether or not the account exists, so the page cannot be used to find accounts.
        var user = await users.FindByEmailAsync(request.Email);
        if (user is not null)
        {
            var code = await users.GeneratePasswordResetTokenAsync(user);
            var link = Url.Action(nameof(ResetPassword), "Account", new { email = user.Email, code }, Request.Scheme)!;
            await messages.SendPasswordResetAsync(user, link, cancellationToken);
        }

        return View("ForgotPasswordSent");
    }

    [AllowAnonymous]
    [HttpGet("reset")]
    public IActionResult ResetPassword(string email, string code) => View(new ResetPasswordRequest { Email = email, Code = code });

    [AllowAnonymous]
    [EnableRateLimiting(CredentialLimits.Policy)]
    [RequestSizeLimit(CredentialLimits.MaxFormBytes)]
    [HttpPost("reset")]
    public async Task<IActionResult> ResetPassword(ResetPasswordRequest request)
    {
        if (!ModelState.IsValid)
        {
            return View(request);
        }

        var user = await users.FindByEmailAsync(request.Email);
        var reset = user is null
            ? IdentityResult.Failed(users.ErrorDescriber.InvalidToken())
            : await users.ResetPasswordAsync(user, request.Code, request.NewPassword);
        if (!reset.Succeeded)
        {
            AddErrors(reset);
            return View(request);
        }

        if (user is not null && await users.IsLockedOutAsync(user))
        {
            await users.SetLockoutEndDateAsync(user, null);
        }

        TempData["Message"] = T["Your new password is set. You can sign in with it now."].Value;
        return RedirectToAction(nameof(Login));
    }

    /// <summary>How long the lock lasts and what to do meanwhile, in plain words.</summary>
    private async Task<string> LockedOutAsync(string email)
    {
        var end = (await users.FindByEmailAsync(email))?.LockoutEnd ?? clock.GetUtcNow() + identity.Value.Lockout.DefaultLockoutTimeSpan;
        var minutes = Math.Max(1, (int)Math.Ceiling((end - clock.GetUtcNow()).TotalMinutes));
        return T["For your safety, this account is locked for {1} minutes after {0} wrong tries in a row. Please wait and try again then. If you have forgotten your password, choose “Forgot your password?” below to set a new one.",
            identity.Value.Lockout.MaxFailedAccessAttempts, minutes];
    }

    private void AddErrors(IdentityResult result)
    {
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(string.Empty, error.Description);
        }
    }
}
