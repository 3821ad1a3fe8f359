using System.ComponentModel.DataAnnotations;
using Literacy.Modules.Audit;
using Literacy.Modules.Permissions;
using Literacy.Web.Data;
using Literacy.Web.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Literacy.Web.Admin;

/// <summary>
/// Finds users, changes their role (learner, trainer or administrator), and deletes an account when its owner asks some
/// other way than on their privacy page (by letter or phone, having lost their password and email).
/// </summary>
[Authorize(Policy = HostPermissions.ManageUsers)]
[Route("admin/users")]
public sealed class UsersController(UserManager<PlatformUser> users, PlatformDbContext db, AccountErasure erasure, IAuditTrail audit, IStringLocalizer<SiteText> T) : Controller
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
            .Skip((page - 1) * PageSize).Take(PageSize + 1)
            .Select(u => new UserRow(
                u.Id,
                u.DisplayName,
                u.Email!,
                db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).FirstOrDefault() ?? Roles.Learner))
            .ToListAsync(cancellationToken);
        return View(new UsersPage(rows.Take(PageSize).ToList(), search, page, rows.Count > PageSize));
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
        // No new security stamp: that would sign the person out. Their open sessions take the new role at the next check,
        // within a minute, when SecurityStampCheck builds each session's principal again from the database.
        await audit.RecordAsync("user.role-changed", user.Id, $"{string.Join(",", current)} -> {role}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        TempData["Message"] = T[
            "{0} is now: {1}. If they are signed in, the change reaches them within a minute; they need not sign in again.", user.Email!, T[role]].Value;
        return RedirectToAction(nameof(Index), new { search = user.Email });
    }

    [HttpGet("{id}/delete")]
    public async Task<IActionResult> Delete(string id) =>
        await users.FindByIdAsync(id) is { } user ? View(new DeleteUserRequest { Id = user.Id, DisplayName = user.DisplayName, Email = user.Email }) : NotFound();

    [HttpPost("{id}/delete")]
    public async Task<IActionResult> Delete(string id, DeleteUserRequest request, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(request.Why))
        {
            ModelState.AddModelError(nameof(request.Why), T["Please write who asked, when and how: it goes to the audit trail."]);
        }

        if (!ModelState.IsValid)
        {
            return View(request with { Id = user.Id, DisplayName = user.DisplayName, Email = user.Email });
        }

        if (!await erasure.EraseAsync(user, request.Why!.Trim(), cancellationToken))
        {
            TempData["Error"] = T["An administrator's account cannot be deleted. Make them a learner first."].Value;
            return RedirectToAction(nameof(Index), new { search = user.Email });
        }

        TempData["Message"] = T["{0}'s account and personal data are deleted.", user.DisplayName].Value;
        return RedirectToAction(nameof(Index));
    }
}

public sealed record UserRow(string Id, string DisplayName, string Email, string Role);

public sealed record UsersPage(IReadOnlyList<UserRow> Users, string? Search, int Page, bool HasMore);

/// <summary>Deleting an account for its owner: who they are (shown), and who asked, when and how (kept in the audit trail).</summary>
public sealed record DeleteUserRequest
{
    public string Id { get; init; } = string.Empty;

    public string DisplayName { get; init; } = string.Empty;

    public string? Email { get; init; }

    [StringLength(300, ErrorMessage = "Please keep it under 300 characters.")]
    [Display(Name = "Who asked for it, when and how")]
    public string? Why { get; init; }
}
