using Literacy.Data;
using Literacy.LiveClasses.Attendance;
using Literacy.LiveClasses.Classroom;
using Literacy.LiveClasses.Data;
using Literacy.LiveClasses.Emails;
using Literacy.LiveClasses.Privacy;
using Literacy.LiveClasses.Scheduling;
using Literacy.Modules;
using Literacy.Modules.Email;
using Literacy.Modules.Jobs;
using Literacy.Modules.Navigation;
using Literacy.Modules.People;
using Literacy.Modules.Permissions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.LiveClasses;

public sealed class LiveClassesModule : IModule
{
    public const string Id = "LiveClasses";

    public ModuleManifest Manifest { get; } = new(
        Id,
        "Live classes",
        "1.0.0",
        "Learning",
        "Trainers schedule and teach live classes: slides, chat, hands, polls, attendance and replay.",
        [new FeatureManifest(Id, "Live classes", "Trainers teach live; learners join from their phones and earn credits for attending.")]);

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<LiveClassesDbContext, SqliteLiveClassesDbContext, PostgresLiveClassesDbContext>();
        services.AddScoped<IPersonalData, LiveClassesPersonalData>();
        services.AddOptions<LiveClassOptions>().Bind(configuration.GetSection("LiveClasses"));
        services.AddSignalR().AddHubOptions<ClassroomHub>(o =>
        {
            o.MaximumReceiveMessageSize = 8 * 1024; // a chat line is 300 characters; anything far larger drops that connection
            // A phone that vanished is noticed within 20 seconds, so it leaves the room instead of staying as a ghost.
            o.KeepAliveInterval = TimeSpan.FromSeconds(10);
            o.ClientTimeoutInterval = TimeSpan.FromSeconds(20);
            o.AddFilter<ConnectionCulture>();
        });
        services.AddSingleton<Classrooms>();
        services.AddSingleton<AttendanceLog>();
        services.AddSingleton<ClassEnding>();
        services.AddSingleton<ChatLimiter>();
        services.AddSingleton<ClassroomSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<ClassroomSweeper>());
        services.AddScoped<LiveClassSchedule>();
        services.AddScoped<ClassAccess>();
        services.AddScoped<ITeaching, TrainerClasses>();
        services.AddScoped<ClassRegister>();
        services.AddEmail<ClassReminderEmail>();
        services.AddEmail<TrainerSummaryEmail>();
        services.AddScoped<IRecurringJob, ClassReminders>();
        services.AddScoped<IRecurringJob, TrainerSummaries>();
        services.AddSingleton<INavigationProvider, MainMenu>();
        services.AddSingleton<IPermissionProvider, Permissions>();
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapHub<ClassroomHub>("/hubs/classroom");
}
