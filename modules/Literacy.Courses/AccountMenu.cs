using Literacy.Modules.Navigation;
using Microsoft.Extensions.Localization;

namespace Literacy.Courses;

public sealed class AccountMenu(IStringLocalizer<CoursesModule> T) : INavigationProvider
{
    public void Build(string menu, ICollection<MenuItem> items)
    {
        if (menu == Menus.Account)
        {
            items.Add(new MenuItem(T["Course suggestions"], "/courses/suggestions", 25) { Feature = CoursesModule.Id, SignedIn = true });
        }
    }
}
