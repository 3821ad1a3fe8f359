using Literacy.Modules.Navigation;
using Microsoft.Extensions.Localization;

namespace Literacy.Notifications;

public sealed class AdminMenu(IStringLocalizer<NotificationsModule> T) : INavigationProvider
{
    public void Build(string menu, ICollection<MenuItem> items)
    {
        if (menu == Menus.Admin)
        {
            items.Add(new MenuItem(T["Email"], "/admin/email", 60) { Feature = NotificationsModule.Id, Permission = Permissions.ManageEmail });
        }
    }
}
