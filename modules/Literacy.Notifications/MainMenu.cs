using Literacy.Modules.Navigation;
using Microsoft.Extensions.Localization;

namespace Literacy.Notifications;

public sealed class MainMenu(IStringLocalizer<NotificationsModule> T) : INavigationProvider
{
    public void Build(string menu, ICollection<MenuItem> items)
    {
        if (menu == Menus.Main)
        {
            items.Add(new MenuItem(T["Email settings"], "/account/email", 90) { Feature = NotificationsModule.Id, SignedIn = true });
        }
    }
}
