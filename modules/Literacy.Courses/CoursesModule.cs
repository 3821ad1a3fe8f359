using Literacy.Courses.Admin;
using Literacy.Courses.Blocks;
using Literacy.Courses.Data;
using Literacy.Courses.Lessons;
using Literacy.Courses.Packages;
using Literacy.Courses.Privacy;
using Literacy.Courses.Progress;
using Literacy.Courses.Recommending;
using Literacy.Courses.Trainers;
using Literacy.Data;
using Literacy.Courses.Emails;
using Literacy.Modules;
using Literacy.Modules.Email;
using Literacy.Modules.Jobs;
using Literacy.Modules.Events;
using Literacy.Modules.Lessons;
using Literacy.Modules.Navigation;
using Literacy.Modules.People;
using Literacy.Modules.Permissions;
using Literacy.Modules.Recipes;
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
        services.AddModuleDbContext<CoursesDbContext, SqliteCoursesDbContext, PostgresCoursesDbContext>();
        services.AddScoped<IPersonalData, CoursesPersonalData>();
        services.AddOptions<PackageLimits>();
        services.AddOptions<BundledCoursesOptions>().BindConfiguration("Courses:Bundled");
        services.AddSingleton<BundledCourses>();
        services.AddScoped<IAdminNoticeSource, CourseUpdateNotices>();
        services.AddMemoryCache();
        services.AddSingleton<MediaStore>();
        services.AddSingleton<PublishedCourses>();
        services.AddSingleton<ICourseContent>(sp => sp.GetRequiredService<PublishedCourses>());
        services.AddSingleton<ICourseOutlines>(sp => sp.GetRequiredService<PublishedCourses>());
        services.AddScoped<ICoursesInProgress, CoursesInProgress>();
        services.AddScoped<ICourseCompletions, CourseCompletions>();
        services.AddScoped<ITeaching, AssignedCourses>();
        services.AddScoped<CourseLibrary>();
        services.AddSingleton<CourseInstalls>();
        services.AddHostedService<CourseInstallWorker>();
        services.AddScoped<LessonPages>();
        services.AddScoped<LearnerProgress>();
        services.AddEmail<EnrolledEmail>();
        services.AddEmail<WeeklyDigestEmail>();
        services.AddScoped<IRecurringJob, WeeklyDigest>();
        services.AddScoped<Recommendations>();
        services.AddScoped<IDomainEventHandler<QuizSubmitted>, CompleteOnQuiz>();
        services.AddSingleton<ILessonBlockType, VideoBlockType>();
        services.AddScoped<IRecipeStep, CoursesStep>();
        services.AddSingleton<INavigationProvider, MainMenu>();
        services.AddSingleton<INavigationProvider, AdminMenu>();
        services.AddSingleton<INavigationProvider, AccountMenu>();
        services.AddSingleton<IPermissionProvider, Permissions>();
    }
}
