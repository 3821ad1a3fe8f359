using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Literacy.Web.Accounts;

/// <summary>
/// Checks a session's security stamp (a changed password or role signs it out) when Identity's interval has passed.
/// Identity's own hook builds its validator (sign-in manager, user manager, store, database context) on every request
/// only to find that the interval has not passed (about 4% of a signed-in lesson page's server time), so the time is read first.
/// </summary>
public static class SecurityStampCheck
{
    public static Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        var due = context.Properties.IssuedUtc is not { } issued || now - issued > options.ValidationInterval;
        return due ? SecurityStampValidator.ValidatePrincipalAsync(context) : Task.CompletedTask;
    }

    /// <summary>
    /// Identity builds the session's principal afresh at each check and leaves out how the person signed in. A session
    /// begun with a card must stay one (<see cref="CardSessions"/>), so the method is carried over.
    /// </summary>
    public static Task KeepSignInMethodAsync(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(ClaimTypes.AuthenticationMethod) is { } method
            && context.NewPrincipal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == ClaimTypes.AuthenticationMethod))
        {
            identity.AddClaim(new Claim(method.Type, method.Value));
        }

        return Task.CompletedTask;
    }
}
