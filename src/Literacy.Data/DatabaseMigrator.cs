using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
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
    /// <summary>
    /// Checks the data folder and that the database answers (a PostgreSQL database that does not exist yet is made, empty),
    /// before the host starts, so that a wrong setting ends with one clear line (a <see cref="DatabaseStartupException"/>).
    /// </summary>
    public async Task CheckAsync(CancellationToken cancellationToken = default)
    {
        var db = options.Value;
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            PrepareDataFolder(db.DataFolder);
        }

        try
        {
            // A bare ADO.NET connection of its own: EF would log its own error before ours.
            await using DbConnection connection = db.Provider == DatabaseProvider.PostgreSql
                ? new NpgsqlConnection(db.ResolvedConnectionString)
                : new SqliteConnection(db.ResolvedConnectionString);
            await connection.OpenAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            await CreatePostgresDatabaseAsync(db, cancellationToken);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or ArgumentException)
        {
            throw new DatabaseStartupException(Explain(db, ex), ex);
        }
    }

    /// <summary>
    /// A new PostgreSQL database is made here, empty, rather than by the first migration: what is built before the host
    /// starts (the job queue's storage, for the dashboard's route) connects at once, and would otherwise wait for it.
    /// </summary>
    private async Task CreatePostgresDatabaseAsync(DatabaseOptions db, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var first = (DbContext)scope.ServiceProvider.GetRequiredService(contexts.First().ContextType);
        try
        {
            await first.GetService<IRelationalDatabaseCreator>().CreateAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another node made it first.
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            throw new DatabaseStartupException(Explain(db, ex), ex);
        }
    }

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
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

        logger.LogInformation("Schema migrated in {Milliseconds} ms", clock.ElapsedMilliseconds);
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

    private static string Explain(DatabaseOptions db, Exception outer)
    {
        var ex = Innermost<NpgsqlException>(outer) ?? Innermost<SqliteException>(outer) ?? outer;
        return Explain(db, ex, ex.Message.TrimEnd('.'));
    }

    private static T? Innermost<T>(Exception? ex)
        where T : Exception
    {
        T? found = null;
        for (; ex is not null; ex = ex.InnerException)
        {
            found = ex as T ?? found;
        }

        return found;
    }

    private static string Explain(DatabaseOptions db, Exception ex, string message) => (db.Provider, ex) switch
    {
        (DatabaseProvider.PostgreSql, NpgsqlException { InnerException: System.Net.Sockets.SocketException or TimeoutException }) =>
            $"PostgreSQL cannot be reached ({message}). Check that the server is running and that Host and Port in ConnectionStrings:Literacy are right.",
        (DatabaseProvider.PostgreSql, PostgresException pg) =>
            $"PostgreSQL refused the connection: {pg.MessageText.TrimEnd('.')}. Check the database name, user and password in ConnectionStrings:Literacy.",
        (DatabaseProvider.PostgreSql, _) =>
            $"PostgreSQL could not be used: {message}. Check ConnectionStrings:Literacy.",
        (_, SqliteException) =>
            $"The SQLite database could not be opened: {message}. Check Database:DataFolder or ConnectionStrings:Literacy.",
        _ => $"The connection string is not valid: {message}. Check ConnectionStrings:Literacy.",
    };
}
