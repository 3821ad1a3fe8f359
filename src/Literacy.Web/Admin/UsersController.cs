using Literacy.Modules.Audit;
using Literacy.Modules.Permissions;
using Literacy.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Literacy.Web.Admin;

/// <summary>Finds users and changes their role: learner, trainer or administrator.</summary>
[Authorize(Policy = HostPermissions.ManageUsers)]
[Route("admin/users")]
public sealed class UsersController(UserManager<PlatformUser> users, PlatformDbContext db, IAuditTrail audit, IStringLocalizer<SiteText> T) : Controller
{
    private const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? search, int page = 1, CancellationToken cancellationToken = default)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            query = query.Where(u => u.Email!.Contains(search) || u.DisplayName.Contains(search));
        }

        page = Math.Max(1, page);
        var rows = await query.OrderBy(u => u.Email)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(u => new UserRow(
                u.Id,
                u.DisplayName,
                u.Email!,
                db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).FirstOrDefault() ?? Roles.Learner))
            .ToListAsync(cancellationToken);
        return View(new UsersPage(rows, search, page, rows.Count == PageSize));
    }

    [HttpPost("{id}/role")]
    public async Task<IActionResult> SetRole(string id, string role, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null || !Roles.All.Contains(role))
        {
            TempData["Error"] = T["That user or role does not exist."].Value;
            return RedirectToAction(nameof(Index));
        }

        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Administrator) && role != Roles.Administrator
            && (await users.GetUsersInRoleAsync(Roles.Administrator)).Count == 1)
        {
            TempData["Error"] = T["{0} is the only administrator. Make someone else an administrator first.", user.Email!].Value;
            return RedirectToAction(nameof(Index));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await users.RemoveFromRolesAsync(user, current);
        await users.AddToRoleAsync(user, role);
        await users.UpdateSecurityStampAsync(user); // their open sessions pick up the new role at the next check
        await audit.RecordAsync("user.role-changed", user.Id, $"{string.Join(",", current)} -> {role}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        TempData["Message"] = T["{0} is now: {1}.", user.Email!, T[role]].Value;
        return RedirectToAction(nameof(Index), new { search = user.Email });
    }
}

public sealed record UserRow(string Id, string DisplayName, string Email, string Role);

public sealed record UsersPage(IReadOnlyList<UserRow> Users, string? Search, int Page, bool HasMore);
