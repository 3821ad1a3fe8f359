using Literacy.Modules.Navigation;
using Microsoft.Extensions.Localization;

namespace Literacy.Notifications;

public sealed class AccountMenu(IStringLocalizer<NotificationsModule> T) : INavigationProvider
{
    public void Build(string menu, ICollection<MenuItem> items)
    {
        if (menu == Menus.Account)
        {
            items.Add(new MenuItem(T["Email settings"], "/account/email", 20) { Feature = NotificationsModule.Id, SignedIn = true });
        }
    }
}
