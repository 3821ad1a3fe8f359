using Literacy.Modules.Navigation;
using Microsoft.Extensions.Localization;

namespace Literacy.LiveClasses;

public sealed class MainMenu(IStringLocalizer<LiveClassesModule> T) : INavigationProvider
{
    public void Build(string menu, ICollection<MenuItem> items)
    {
        if (menu == Menus.Main)
        {
            items.Add(new MenuItem(T["Live classes"], "/live", 15) { Feature = LiveClassesModule.Id, Essential = true });
        }
    }
}
