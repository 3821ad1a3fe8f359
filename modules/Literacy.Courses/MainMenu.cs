using Literacy.Modules.Navigation;
using Microsoft.Extensions.Localization;

namespace Literacy.Courses;

public sealed class MainMenu(IStringLocalizer<CoursesModule> T) : INavigationProvider
{
    public void Build(string menu, ICollection<MenuItem> items)
    {
        if (menu == Menus.Main)
        {
            items.Add(new MenuItem(T["Courses"], "/courses", 10) { Feature = CoursesModule.Id, Essential = true });
            items.Add(new MenuItem(T["My learners"], "/trainer/courses", 50) { Feature = CoursesModule.Id, Permission = Permissions.ViewLearnerProgress });
        }
    }
}
