using Literacy.Modules.Navigation;
using Microsoft.Extensions.Localization;

namespace Literacy.Web.Accounts;

/// <summary>The host's entries on the account settings page; modules add their own (email settings, for one).</summary>
public sealed class AccountMenu(IStringLocalizer<SiteText> T) : INavigationProvider
{
    public void Build(string menu, ICollection<MenuItem> items)
    {
        if (menu == Menus.Account)
        {
            items.Add(new MenuItem(T["Change password"], "/account/password", 10) { SignedIn = true });
            items.Add(new MenuItem(T["Display settings"], "/display", 30) { SignedIn = true });
            items.Add(new MenuItem(T["Your data"], "/account/privacy", 40) { SignedIn = true });
        }
    }
}
