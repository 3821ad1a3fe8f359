using Literacy.Modules.Navigation;
using Microsoft.Extensions.Localization;

namespace Literacy.Web.Admin;

public sealed class AdminMenu(IStringLocalizer<SiteText> T) : INavigationProvider
{
    public void Build(string menu, ICollection<MenuItem> items)
    {
        if (menu != Menus.Admin)
        {
            return;
        }

        items.Add(new MenuItem(T["Users"], "/admin/users", 10) { Permission = HostPermissions.ManageUsers });
        items.Add(new MenuItem(T["Modules"], "/admin/modules", 80) { Permission = HostPermissions.ManageModules });
        items.Add(new MenuItem(T["Appearance"], "/admin/appearance", 90) { Permission = HostPermissions.ManageAppearance });
        items.Add(new MenuItem(T["Audit trail"], "/admin/audit", 95) { Permission = HostPermissions.ReadAudit });
    }
}
