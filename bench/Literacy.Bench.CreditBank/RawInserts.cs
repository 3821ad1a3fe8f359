using System.Diagnostics;
using Literacy.CreditBank.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Bench.CreditBank;

/// <summary>SQLite's journal mode and synchronous level, as the app's connections have them.</summary>
public sealed record SqlitePragmas(string JournalMode, long Synchronous)
{
    public override string ToString() =>
        $"journal_mode={JournalMode}, synchronous={Synchronous switch { 0 => "OFF", 1 => "NORMAL", 2 => "FULL", 3 => "EXTRA", _ => Synchronous.ToString() }}";
}

/// <summary>The floor for a durable write: one small row per transaction into a plain table, with the app's settings.</summary>
public static class RawInserts
{
    /// <summary>Asked of the app's own connection: WAL is set by the migrator, synchronous is the library's default.</summary>
    public static Task<SqlitePragmas> AppPragmasAsync(BenchSite site) => site.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<CreditBankDbContext>().Database;
        await db.OpenConnectionAsync();
        try
        {
            await using var command = db.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            var journal = (string)(await command.ExecuteScalarAsync())!;
            command.CommandText = "PRAGMA synchronous";
            return new SqlitePragmas(journal, (long)(await command.ExecuteScalarAsync())!);
        }
        finally
        {
            await db.CloseConnectionAsync();
        }
    });

    public static async Task<TimeSpan> RunAsync(string file, SqlitePragmas pragmas, int count)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"PRAGMA journal_mode={pragmas.JournalMode}; PRAGMA synchronous={pragmas.Synchronous};");
        await ExecuteAsync(connection, "CREATE TABLE Rows (Id INTEGER PRIMARY KEY, Payload TEXT NOT NULL)");
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO Rows (Payload) VALUES ($payload)";
        // About the size of a ledger entry.
        insert.Parameters.AddWithValue("$payload", new string('x', 400));

        await InsertAsync(connection, insert, 50); // warm-up
        var clock = Stopwatch.StartNew();
        await InsertAsync(connection, insert, count);
        return clock.Elapsed;
    }

    private static async Task InsertAsync(SqliteConnection connection, SqliteCommand insert, int count)
    {
        for (var i = 0; i < count; i++)
        {
            // BEGIN IMMEDIATE ... COMMIT, as the ledger's own transaction on SQLite.
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            insert.Transaction = transaction;
            await insert.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
