using Literacy.Modules.Display;
using Literacy.Modules.Permissions;
using Literacy.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Literacy.Web.Accounts;

[Route("account")]
public sealed class AccountController(
    UserManager<PlatformUser> users,
    SignInManager<PlatformUser> signIn,
    IAccountMessages messages,
    IStringLocalizer<SiteText> T) : Controller
{
    [AllowAnonymous]
    [HttpGet("register")]
    public IActionResult Register() => View(new RegisterRequest());

    [AllowAnonymous]
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

        var code = await users.GenerateEmailConfirmationTokenAsync(user);
        await messages.SendConfirmationAsync(user, Url.Action(nameof(ConfirmEmail), "Account", new { userId = user.Id, code }, Request.Scheme)!, HttpContext.RequestAborted);
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

    [AllowAnonymous]
    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new LoginRequest { ReturnUrl = returnUrl });

    [AllowAnonymous]
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

        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? T["For your safety, this account is locked for 15 minutes after too many wrong passwords. Please wait and try again, or reset your password."]
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

    [AllowAnonymous]
    [HttpGet("denied")]
    public IActionResult Denied() => View();

    [Authorize]
    [HttpGet("password")]
    public IActionResult ChangePassword() => View(new ChangePasswordRequest());

    [Authorize]
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

    private void AddErrors(IdentityResult result)
    {
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(string.Empty, error.Description);
        }
    }
}
