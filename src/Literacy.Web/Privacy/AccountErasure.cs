using Literacy.Modules.Audit;
using Literacy.Modules.Events;
using Literacy.Modules.People;
using Literacy.Modules.Permissions;
using Literacy.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace Literacy.Web.Privacy;

/// <summary>
/// Deletes an account and the personal data every module keeps about it: asked for by the person on their privacy page,
/// by the trainer who registered them in person, with them, or by an administrator answering a request made some other
/// way (by letter, by phone). The audit trail names who did it, and why when it was not the person themselves.
/// </summary>
public sealed class AccountErasure(UserManager<PlatformUser> users, IEnumerable<IPersonalData> modules, DomainEvents events, IAuditTrail audit)
{
    /// <summary>
    /// False for an administrator's account, which is left as it is: the trail must keep naming who did administrative
    /// work, so an administrator steps down first.
    /// </summary>
    public async Task<bool> EraseAsync(PlatformUser user, string? why, CancellationToken cancellationToken)
    {
        if (await users.IsInRoleAsync(user, Roles.Administrator))
        {
            return false;
        }

        // Each module first, then the account: if anything fails, it can be asked again and goes on from there.
        foreach (var module in modules)
        {
            await module.EraseAsync(user.Id, cancellationToken);
        }

        await events.PublishAsync(new LearnerProfileChanged(Guid.NewGuid(), user.Id, LearnerProfile.Untold), cancellationToken);
        await audit.RecordAsync("account.deleted", user.Id, why, cancellationToken);
        var deleted = await users.DeleteAsync(user);
        return deleted.Succeeded
            ? true
            : throw new InvalidOperationException($"The account could not be deleted: {string.Join("; ", deleted.Errors.Select(e => e.Description))}");
    }
}
