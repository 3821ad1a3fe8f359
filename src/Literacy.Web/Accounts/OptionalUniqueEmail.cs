using Literacy.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace Literacy.Web.Accounts;

/// <summary>
/// An email address is unique when there is one. A learner registered in person with a sign-in card may have none,
/// which Identity's own RequireUniqueEmail does not allow.
/// </summary>
public sealed class OptionalUniqueEmail : IUserValidator<PlatformUser>
{
    public async Task<IdentityResult> ValidateAsync(UserManager<PlatformUser> manager, PlatformUser user)
    {
        var email = await manager.GetEmailAsync(user);
        if (string.IsNullOrWhiteSpace(email))
        {
            return IdentityResult.Success;
        }

        var owner = await manager.FindByEmailAsync(email);
        return owner is not null && owner.Id != user.Id
            ? IdentityResult.Failed(manager.ErrorDescriber.DuplicateEmail(email))
            : IdentityResult.Success;
    }
}
