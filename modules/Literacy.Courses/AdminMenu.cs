using Literacy.Modules.Navigation;
using Microsoft.Extensions.Localization;

namespace Literacy.Courses;

public sealed class AdminMenu(IStringLocalizer<CoursesModule> T) : INavigationProvider
{
    public void Build(string menu, ICollection<MenuItem> items)
    {
        if (menu == Menus.Admin)
        {
            items.Add(new MenuItem(T["Courses"], "/admin/courses", 20) { Feature = CoursesModule.Id, Permission = Permissions.ManageCourses });
        }
    }
}
