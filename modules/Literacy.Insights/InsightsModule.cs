using Literacy.Data;
using Literacy.Insights.Data;
using Literacy.Insights.Demo;
using Literacy.Insights.Facts;
using Literacy.Insights.Figures;
using Literacy.Insights.Privacy;
using Literacy.Insights.Reports;
using Literacy.Modules;
using Literacy.Modules.Events;
using Literacy.Modules.Jobs;
using Literacy.Modules.Navigation;
using Literacy.Modules.People;
using Literacy.Modules.Permissions;
using Literacy.Modules.Recipes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Insights;

public sealed class InsightsModule : IModule
{
    public const string Id = "Insights";

    public ModuleManifest Manifest { get; } = new(
        Id,
        "Insights",
        "1.0.0",
        "Programme",
        "Who the programme reaches and where learners get stuck, by group, region and competency, and the monthly development report.",
        [new FeatureManifest(Id, "Insights", "Figures for administrators, and for trainers about their own courses; only totals of at least 5 learners are shown.")]);

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<InsightsDbContext, SqliteInsightsDbContext, PostgresInsightsDbContext>();
        services.AddOptions<InsightsOptions>().Bind(configuration.GetSection("Insights"));
        services.AddScoped<FactRecorder>();
        services.AddScoped<IDomainEventHandler<LearnerProfileChanged>>(sp => sp.GetRequiredService<FactRecorder>());
        services.AddScoped<IDomainEventRecorder<CourseEnrolled>>(sp => sp.GetRequiredService<FactRecorder>());
        services.AddScoped<IDomainEventRecorder<LessonCompleted>>(sp => sp.GetRequiredService<FactRecorder>());
        services.AddScoped<IDomainEventRecorder<CourseCompleted>>(sp => sp.GetRequiredService<FactRecorder>());
        services.AddScoped<IDomainEventHandler<QuizQuestionsGraded>>(sp => sp.GetRequiredService<FactRecorder>());
        services.AddScoped<IDomainEventRecorder<UnitEarned>>(sp => sp.GetRequiredService<FactRecorder>());
        services.AddScoped<IDomainEventHandler<LiveClassAttended>>(sp => sp.GetRequiredService<FactRecorder>());
        services.AddScoped<IPersonalData, InsightsPersonalData>();
        services.AddSingleton<FactSnapshot>();
        services.AddHostedService<FactWarmUp>();
        services.AddScoped<FactLoader>();
        services.AddScoped<Dashboard>();
        services.AddScoped<Labels>();
        services.AddScoped<ReportWriter>();
        services.AddScoped<IRecurringJob, MonthlyReportJob>();
        services.AddScoped<DemoPopulation>();
        services.AddScoped<IRecipeStep, DemoStep>();
        services.AddSingleton<INavigationProvider, AdminMenu>();
        services.AddSingleton<INavigationProvider, MainMenu>();
        services.AddSingleton<IPermissionProvider, Permissions>();
    }
}
