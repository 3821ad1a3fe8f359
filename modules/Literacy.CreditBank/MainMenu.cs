using Literacy.Modules.Navigation;
using Microsoft.Extensions.Localization;

namespace Literacy.CreditBank;

public sealed class MainMenu(IStringLocalizer<CreditBankModule> T) : INavigationProvider
{
    public void Build(string menu, ICollection<MenuItem> items)
    {
        if (menu == Menus.Main)
        {
            items.Add(new MenuItem(T["My learning account"], "/credits", 20) { Feature = CreditBankModule.Id, SignedIn = true, Essential = true });
        }
    }
}
