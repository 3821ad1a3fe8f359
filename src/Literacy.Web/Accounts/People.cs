using Literacy.Modules.People;
using Literacy.Modules.Permissions;
using Literacy.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Literacy.Web.Accounts;

public sealed class People(PlatformDbContext db) : IPeople
{
    public async Task<Person?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = email.Trim().ToUpperInvariant();
        var id = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        return id is null ? null : (await FindAsync([id], cancellationToken)).GetValueOrDefault(id);
    }

    public async Task<IReadOnlyDictionary<string, Person>> FindAsync(IEnumerable<string> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.Distinct().ToList();
        var rows = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.Email,
                u.EmailConfirmed,
                Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new Person(r.Id, r.DisplayName, r.Email ?? string.Empty, r.EmailConfirmed, r.Role ?? Roles.Learner));
    }
}
