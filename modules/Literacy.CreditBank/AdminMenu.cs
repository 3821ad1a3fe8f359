using Literacy.Modules.Navigation;
using Microsoft.Extensions.Localization;

namespace Literacy.CreditBank;

public sealed class AdminMenu(IStringLocalizer<CreditBankModule> T) : INavigationProvider
{
    public void Build(string menu, ICollection<MenuItem> items)
    {
        if (menu == Menus.Admin)
        {
            items.Add(new MenuItem(T["Credit bank"], "/admin/credits", 30) { Feature = CreditBankModule.Id, Permission = Permissions.ManageCreditBank });
        }
    }
}
