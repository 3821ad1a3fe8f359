using Literacy.Modules.Navigation;
using Microsoft.Extensions.Localization;

namespace Literacy.Insights;

/// <summary>Insights in the admin menu, and for trainers (who see their own courses' figures) in the main menu.</summary>
public sealed class AdminMenu(IStringLocalizer<InsightsModule> T) : INavigationProvider
{
    public void Build(string menu, ICollection<MenuItem> items)
    {
        if (menu == Menus.Admin)
        {
            items.Add(new MenuItem(T["Insights"], "/admin/insights", 60) { Feature = InsightsModule.Id, Permission = Permissions.ViewInsights });
        }
    }
}
