using Literacy.Modules.Navigation;
using Microsoft.Extensions.Localization;

namespace Literacy.Web.Home;

public sealed class MainMenu(IStringLocalizer<SiteText> T) : INavigationProvider
{
    public void Build(string menu, ICollection<MenuItem> items)
    {
        if (menu == Menus.Main)
        {
            items.Add(new MenuItem(T["Home"], "/", 0));
            items.Add(new MenuItem(T["Sign-in cards"], "/cards", 90) { Permission = HostPermissions.IssueSignInCards });
            items.Add(new MenuItem(T["Administration"], "/admin", 100) { Permission = HostPermissions.AccessAdmin });
        }
    }
}
