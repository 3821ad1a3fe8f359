using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Literacy.Data;

/// <summary>
/// Registers a module's DbContext for the configured provider. Each module keeps one migrations set per provider,
/// in provider-named subclasses of its context (EF Core's "multiple context types" pattern), and its own history table.
/// </summary>
public static class ModuleDatabases
{
    public static IServiceCollection AddModuleDbContext<TContext, TSqlite, TPostgres>(this IServiceCollection services)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        services.AddSingleton(new MigratedContext(typeof(TContext)));
        services.AddScoped<TContext>(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider switch
        {
            DatabaseProvider.PostgreSql => sp.GetRequiredService<TPostgres>(),
            _ => sp.GetRequiredService<TSqlite>(),
        });
        // Pooled: a request reuses a context instead of building one (and its options) each time.
        services.AddDbContextPool<TSqlite>((sp, o) => Configure(sp, o, typeof(TContext)));
        services.AddDbContextPool<TPostgres>((sp, o) => Configure(sp, o, typeof(TContext)));
        return services;
    }

    private static void Configure(IServiceProvider services, DbContextOptionsBuilder builder, Type context)
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var history = $"__Migrations_{context.Name.Replace("DbContext", string.Empty, StringComparison.Ordinal)}";
        builder.AddInterceptors(services.GetServices<IInterceptor>()); // e.g. a fault injected by a crash test
        _ = options.Provider switch
        {
            DatabaseProvider.PostgreSql => builder.UseNpgsql(options.ResolvedConnectionString, o => o.MigrationsHistoryTable(history)),
            _ => builder.UseSqlite(options.ResolvedConnectionString, o => o.MigrationsHistoryTable(history))
                .AddInterceptors(SqliteBusyWait.Instance)
                .ConfigureWarnings(w => w.Log(SqliteTableRebuildNotes)),
        };
    }

    /// <summary>
    /// What EF Core says whenever a SQLite migration rebuilds a table (SQLite cannot drop a column in place): that the
    /// rebuild turns foreign keys off outside the migration's transaction (a connection setting, so nothing is half
    /// applied), and that a data fix runs before the rebuild (the rebuild copies the fixed rows). Both were checked when
    /// the migrations were written; as warnings they told a new site's operator that its empty database "may not be in an
    /// expected state".
    /// </summary>
    private static readonly (EventId, LogLevel)[] SqliteTableRebuildNotes =
    [
        (RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Debug),
        (SqliteEventId.TableRebuildPendingWarning, LogLevel.Debug),
    ];

    /// <summary>Marks a context type whose migrations run at start-up.</summary>
    public sealed record MigratedContext(Type ContextType);
}
