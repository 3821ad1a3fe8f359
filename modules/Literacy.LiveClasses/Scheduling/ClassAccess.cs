using System.Security.Claims;
using Literacy.LiveClasses.Data;
using Literacy.Modules.Permissions;
using Microsoft.EntityFrameworkCore;

namespace Literacy.LiveClasses.Scheduling;

/// <summary>What someone is to a class.</summary>
public enum ClassRole
{
    None,
    Learner,
    Trainer,
}

/// <summary>Finds a class and what the user is to it: its trainer (or an administrator), a signed-up learner, or nobody.</summary>
public sealed class ClassAccess(LiveClassesDbContext db, PermissionCatalog permissions)
{
    /// <summary>The class's own trainer, or an administrator, who may run any class.</summary>
    public bool Teaches(LiveClass c, ClaimsPrincipal user) =>
        c.TrainerId == user.FindFirstValue(ClaimTypes.NameIdentifier) || permissions.IsGranted(user, Permissions.ManageAllLiveClasses);

    public async Task<(LiveClass? Class, ClassRole Role)> FindAsync(string classId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var c = await db.Classes.AsNoTracking().FirstOrDefaultAsync(x => x.Id == classId, cancellationToken);
        if (c is null)
        {
            return (null, ClassRole.None);
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return (c, ClassRole.None);
        }

        if (Teaches(c, user))
        {
            return (c, ClassRole.Trainer);
        }

        return (c, await db.SignUps.AnyAsync(s => s.ClassId == classId && s.UserId == userId, cancellationToken) ? ClassRole.Learner : ClassRole.None);
    }
}
