using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Literacy.Data;
using Literacy.Data.Outbox;
using Literacy.Jobs.Outbox;
using Literacy.Jobs.Recurring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Literacy.Jobs;

public static class JobsServices
{
    /// <summary>
    /// Hangfire with its queue in memory on SQLite (the outbox table makes that safe) or in PostgreSQL, where several nodes
    /// share one queue; the outbox, its dispatcher, and the modules' recurring jobs.
    /// </summary>
    public static IServiceCollection AddPlatformJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobsOptions>().Bind(configuration.GetSection("Jobs"))
            .PostConfigure(o => o.RetryDelays = o.RetryDelays is [] ? JobsOptions.DefaultRetryDelays : o.RetryDelays);
        services.AddModuleDbContext<OutboxDbContext, SqliteOutboxDbContext, PostgresOutboxDbContext>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<OutboxSignal>());
        services.AddScoped<IOutbox, Outbox.Outbox>();
        services.AddScoped<IOutboxRecords, OutboxRecords>();
        services.AddScoped<OutboxDelivery>();
        services.AddScoped<RecurringJobRunner>();
        services.AddHostedService<OutboxDispatcher>();

        // Our own storage instance rather than Hangfire's global one: each host (and each test's site) keeps its own queue.
        services.AddSingleton<JobStorage>(sp =>
        {
            _ = sp.GetRequiredService<IGlobalConfiguration>(); // this host's log provider first: the storage logs as it starts
            var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            return database.Provider == DatabaseProvider.PostgreSql
                ? new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ResolvedConnectionString, new PostgreSqlStorageOptions()), new PostgreSqlStorageOptions
                {
                    SchemaName = "hangfire",
                    PrepareSchemaIfNecessary = true,
                    EnableLongPolling = true, // LISTEN/NOTIFY: a job queued on one node starts on another at once
                    QueuePollInterval = TimeSpan.FromSeconds(5),
                })
                : new InMemoryStorage();
        });
        // Jobs run in this host's services. Hangfire's default is the process-wide JobActivator.Current, which the last host to
        // start sets: with several hosts in one process (the tests), one host's jobs would run in another's, even a stopped one.
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, c) => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostLogs(sp.GetRequiredService<ILoggerFactory>())));
        services.AddHangfireServer((sp, o) =>
        {
            var jobs = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            o.WorkerCount = jobs.Workers;
            o.ServerName = jobs.Node;
            o.SchedulePollingInterval = TimeSpan.FromSeconds(5);
        });
        services.AddHostedService<RecurringJobSchedule>();
        return services;
    }

    /// <summary>The Hangfire dashboard, for those the policy allows (administrators).</summary>
    public static IEndpointConventionBuilder MapPlatformJobs(this IEndpointRouteBuilder endpoints, string policy) =>
        endpoints.MapHangfireDashboardWithAuthorizationPolicy(policy, "/admin/jobs", new DashboardOptions
        {
            AppPath = "/admin",
            DisplayStorageConnectionString = false,
            DashboardTitle = "Literacy jobs",
        }, endpoints.ServiceProvider.GetRequiredService<JobStorage>());
}
