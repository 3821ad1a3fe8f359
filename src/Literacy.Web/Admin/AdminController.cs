using Literacy.Modules.Navigation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Literacy.Web.Admin;

[Authorize(Policy = HostPermissions.AccessAdmin)]
public sealed class AdminController(Navigation navigation, AdminNotices notices) : Controller
{
    [HttpGet("/admin")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new AdminHome(navigation.Build(Menus.Admin, User), await notices.ForAsync(User, cancellationToken)));
}

public sealed record AdminHome(IReadOnlyList<MenuItem> Menu, IReadOnlyList<AdminNotice> Notices);
