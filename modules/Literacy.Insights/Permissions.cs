using Literacy.Modules.Permissions;

namespace Literacy.Insights;

public sealed class Permissions : IPermissionProvider
{
    /// <summary>Every figure of the programme, and the monthly reports.</summary>
    public const string ViewInsights = "ViewInsights";

    /// <summary>The figures of the courses and classes one teaches, and nothing else.</summary>
    public const string ViewCourseInsights = "ViewCourseInsights";

    IEnumerable<Permission> IPermissionProvider.Permissions =>
    [
        new(ViewInsights, "See the programme's figures and monthly reports", InsightsModule.Id, [Roles.Administrator]),
        new(ViewCourseInsights, "See the figures of the courses and classes one teaches", InsightsModule.Id, [Roles.Trainer]),
    ];
}
