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
    public async Task SendAsync(PlatformUser user, CancellationToken cancellationToken)
    {
        var code = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = links.GetUriByAction(http.HttpContext!, nameof(AccountController.ConfirmEmail), "Account", new { userId = user.Id, code })!;
        await messages.SendConfirmationAsync(user, link, cancellationToken);
    }
}
