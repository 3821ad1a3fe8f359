using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Literacy.Data;

/// <summary>
/// Brings every module's schema up to date at start-up, after checking that the data folder and the
/// database can be reached, so that a wrong setting stops the app with one clear line.
/// </summary>
public sealed class DatabaseMigrator(
    IServiceProvider services,
    IEnumerable<ModuleDatabases.MigratedContext> contexts,
    IOptions<DatabaseOptions> options,
    ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        var db = options.Value;
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            PrepareDataFolder(db.DataFolder);
        }

        foreach (var context in contexts)
        {
            await using var scope = services.CreateAsyncScope();
            var dbContext = (DbContext)scope.ServiceProvider.GetRequiredService(context.ContextType);
            try
            {
                await dbContext.Database.MigrateAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is DbException or InvalidOperationException or ArgumentException)
            {
                throw new DatabaseStartupException(Explain(db, ex), ex);
            }

            logger.LogInformation("Database schema of {Context} is up to date", context.ContextType.Name);
        }

        if (db.Provider == DatabaseProvider.Sqlite)
        {
            await using var scope = services.CreateAsyncScope();
            var first = (DbContext)scope.ServiceProvider.GetRequiredService(contexts.First().ContextType);
            // WAL lets readers go on while one writer commits; it is a property of the file, set once.
            await first.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    private static void PrepareDataFolder(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".write-test-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DatabaseStartupException(
                $"The data folder '{Path.GetFullPath(folder)}' cannot be written ({ex.Message}). Give the app write access to it or set Database:DataFolder to a writable folder.", ex);
        }
    }

    private static string Explain(DatabaseOptions db, Exception ex) => (db.Provider, ex) switch
    {
        (DatabaseProvider.PostgreSql, NpgsqlException { InnerException: System.Net.Sockets.SocketException } or NpgsqlException { InnerException: TimeoutException }) =>
            $"PostgreSQL cannot be reached ({ex.Message}). Check that the server is running and that Host and Port in ConnectionStrings:Literacy are right.",
        (DatabaseProvider.PostgreSql, PostgresException pg) =>
            $"PostgreSQL refused the connection: {pg.MessageText}. Check the database name, user and password in ConnectionStrings:Literacy.",
        (DatabaseProvider.PostgreSql, _) =>
            $"PostgreSQL could not be used: {ex.Message}. Check ConnectionStrings:Literacy.",
        (_, SqliteException) =>
            $"The SQLite database could not be opened: {ex.Message}. Check Database:DataFolder or ConnectionStrings:Literacy.",
        _ => $"The connection string is not valid: {ex.Message}. Check ConnectionStrings:Literacy.",
    };
}
