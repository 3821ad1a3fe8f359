using Literacy.Assessments;
using Literacy.Courses;
using Literacy.CreditBank;
using Literacy.Insights;
using Literacy.LiveClasses;
using Literacy.Modules;
using Literacy.Notifications;
using Literacy.Modules.Themes;
using Literacy.Themes.Countryside;
using Literacy.Themes.Default;

namespace Literacy.Web.Hosting;

/// <summary>The one list of what is compiled in. An architecture test checks that every module project is here.</summary>
public static class Platform
{
    public static Type[] ModuleTypes { get; } =
    [
        typeof(CoursesModule),
        typeof(AssessmentsModule),
        typeof(CreditBankModule),
        typeof(LiveClassesModule),
        typeof(NotificationsModule),
        typeof(InsightsModule),
    ];

    public static Type[] ThemeTypes { get; } =
    [
        typeof(DefaultTheme),
        typeof(CountrysideTheme),
    ];

    public static ModuleCatalog Modules() => ModuleCatalog.Of(ModuleTypes);

    public static ThemeCatalog Themes() => ThemeCatalog.Of(ThemeTypes);
}
