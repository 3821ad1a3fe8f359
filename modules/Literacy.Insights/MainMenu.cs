using Literacy.Modules.Navigation;
using Microsoft.Extensions.Localization;

namespace Literacy.Insights;

public sealed class MainMenu(IStringLocalizer<InsightsModule> T) : INavigationProvider
{
    public void Build(string menu, ICollection<MenuItem> items)
    {
        if (menu == Menus.Main)
        {
            items.Add(new MenuItem(T["Course figures"], "/admin/insights", 55) { Feature = InsightsModule.Id, Permission = Permissions.ViewCourseInsights });
        }
    }
}
