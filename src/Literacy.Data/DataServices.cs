using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Data;

public static class DataServices
{
    /// <summary>Reads <c>Database</c> and <c>ConnectionStrings:Literacy</c> and adds the migrator.</summary>
    public static IServiceCollection AddPlatformDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection("Database"))
            .Configure(o =>
            {
                o.ConnectionString ??= configuration.GetConnectionString("Literacy");
                o.DataFolder = Path.GetFullPath(o.DataFolder, contentRoot);
            });
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<SqliteWriteGate>();
        services.AddSingleton(typeof(GroupCommit<>));
        return services;
    }
}
