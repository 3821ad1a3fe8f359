using Literacy.Web.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace Literacy.Web.Accounts;

/// <summary>
/// Sends the link that proves an email address is the account holder's: after registering, when asked again, and after
/// the address changes (a credential from another institution is matched to its holder by a confirmed address).
/// </summary>
public sealed class EmailConfirmation(UserManager<PlatformUser> users, IAccountMessages messages, LinkGenerator links, IHttpContextAccessor http)
{
    /// <summary>
    /// Gives the account a new address, which is also the name to sign in with, and sends its link. Identity's SetEmailAsync
    /// leaves the address unconfirmed until the link is opened and renews the security stamp, so that no link sent before
    /// (to the old address) can confirm the new one. It saves the user's other changes too.
    /// </summary>
    public async Task<IdentityResult> ChangeAddressAsync(PlatformUser user, string email, CancellationToken cancellationToken)
    {
        user.UserName = email;
        var saved = await users.SetEmailAsync(user, email);
        if (saved.Succeeded)
        {
            await SendAsync(user, cancellationToken);
        }

        return saved;
    }

    public async Task SendAsync(PlatformUser user, CancellationToken cancellationToken)
    {
        var code = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = links.GetUriByAction(http.HttpContext!, nameof(AccountController.ConfirmEmail), "Account", new { userId = user.Id, code })!;
        await messages.SendConfirmationAsync(user, link, cancellationToken);
    }
}
