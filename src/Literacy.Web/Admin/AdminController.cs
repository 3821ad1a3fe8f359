using Literacy.Modules.Navigation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Literacy.Web.Admin;

[Authorize(Policy = HostPermissions.AccessAdmin)]
public sealed class AdminController(Navigation navigation) : Controller
{
    [HttpGet("/admin")]
    public IActionResult Index() => View(navigation.Build(Menus.Admin, User));
}
