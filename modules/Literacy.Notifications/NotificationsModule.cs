using Literacy.Data;
using Literacy.Data.Outbox;
using Literacy.Modules;
using Literacy.Modules.Email;
using Literacy.Modules.Navigation;
using Literacy.Modules.People;
using Literacy.Modules.Permissions;
using Literacy.Notifications.Data;
using Literacy.Notifications.Preferences;
using Literacy.Notifications.Privacy;
using Literacy.Notifications.Sending;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Notifications;

public sealed class NotificationsModule : IModule
{
    public const string Id = "Notifications";

    public ModuleManifest Manifest { get; } = new(
        Id,
        "Email",
        "1.0.0",
        "Platform",
        "Email in each person's language: account, enrolment, class reminders, certificates and digests; preferences and unsubscribe.",
        // Always on: password resets and account confirmations depend on it.
        [new FeatureManifest(Id, "Email", "Sends email through the mail server set in the admin, and lets people choose what they get.", [], AlwaysEnabled: true)]);

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<NotificationsDbContext, SqliteNotificationsDbContext, PostgresNotificationsDbContext>();
        services.AddScoped<IEmails, EmailQueue>();
        services.AddScoped<IOutboxHandler, EmailHandler>();
        services.AddScoped<EmailPreferences>();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddScoped<EmailRenderer>();
        services.AddScoped<MailServers>();
        services.AddScoped<Postman>();
        services.AddEmail<TestEmail>();
        services.AddScoped<IPersonalData, NotificationsPersonalData>();
        services.AddSingleton<INavigationProvider, AdminMenu>();
        services.AddSingleton<INavigationProvider, AccountMenu>();
        services.AddSingleton<IPermissionProvider, Permissions>();
    }
}
