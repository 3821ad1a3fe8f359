using Literacy.Modules;
using Literacy.Modules.Navigation;
using Literacy.Modules.Permissions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Courses;

public sealed class CoursesModule : IModule
{
    public const string Id = "Courses";

    public ModuleManifest Manifest { get; } = new(
        Id,
        "Courses",
        "1.0.0",
        "Learning",
        "Course packages, the course catalog and the lesson player.",
        [new FeatureManifest(Id, "Course catalog", "Learners browse and take the published courses.")]);

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<INavigationProvider, MainMenu>();
        services.AddSingleton<IPermissionProvider, Permissions>();
    }
}
