using System.Globalization;
using Literacy.CreditBank.Data;
using Literacy.CreditBank.Ledger;
using Microsoft.Data.Sqlite;

namespace Literacy.Bench.CreditBank;

/// <summary>
/// Writes valid chained ledger entries straight into the app's database, far faster than awards would: plain ADO,
/// one prepared insert, 100,000 rows per transaction. Values are bound as EF Core binds them (Guids as upper-case text,
/// DateTimes as "yyyy-MM-dd HH:mm:ss.FFFFFFF"), so the app reads them back unchanged and their hashes hold.
/// </summary>
public static class LedgerFill
{
    private const int RowsPerTransaction = 100_000;

    private static readonly string[] Columns = ["AccountId", "Sequence", "SourceId", "Kind", "UnitId", "Credits", "Evidence", "RecordedUtc", "PreviousHash", "Hash"];

    /// <returns>How many entries were written.</returns>
    public static long Fill(string connectionString, int accounts, int entriesPerAccount)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        var transaction = connection.BeginTransaction();
        using var insertAccount = Command(connection, "LearningAccounts", ["Id", "UserId", "OpenedUtc"]);
        using var insertEntry = Command(connection, "LedgerEntries", Columns);
        var start = new DateTime(2026, 1, 1, 8, 0, 0, DateTimeKind.Utc);
        long written = 0;
        // In the order of the (AccountId, ...) indexes, so each insert appends to them instead of splitting pages at random.
        foreach (var (account, a) in Enumerable.Range(0, accounts).Select(_ => Guid.NewGuid()).OrderBy(g => g.ToString("D").ToUpperInvariant(), StringComparer.Ordinal).Select((g, a) => (g, a)))
        {
            Execute(insertAccount, transaction, account, $"bench-ledger-{a}", start);
            var previous = LedgerHash.Genesis;
            for (var sequence = 1L; sequence <= entriesPerAccount; sequence++)
            {
                var source = Guid.NewGuid();
                var recorded = start.AddSeconds(a + (sequence * 3600));
                var evidence = string.Create(CultureInfo.InvariantCulture,
                    $$"""{"type":"course","eventId":"{{source}}","courseId":"course-{{sequence}}","version":"1.0.0","score":100,"completedUtc":"{{recorded:O}}"}""");
                var hash = LedgerHash.Of(account, sequence, source, EntryKind.Award, BenchSite.Unit, 2, recorded, evidence, previous);
                Execute(insertEntry, transaction, account, sequence, source, nameof(EntryKind.Award), BenchSite.Unit, 2, evidence, recorded, previous, hash);
                previous = hash;
                if (++written % RowsPerTransaction == 0)
                {
                    transaction.Commit();
                    transaction.Dispose();
                    transaction = connection.BeginTransaction();
                }
            }
        }

        transaction.Commit();
        transaction.Dispose();
        return written;
    }

    private static SqliteCommand Command(SqliteConnection connection, string table, string[] columns)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "$" + c))})";
        foreach (var column in columns)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = "$" + column });
        }

        command.Prepare();
        return command;
    }

    private static void Execute(SqliteCommand command, SqliteTransaction transaction, params object[] values)
    {
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.Parameters[i];
            parameter.Value = values[i];
            if (values[i] is Guid)
            {
                parameter.SqliteType = SqliteType.Text; // not the library's default BLOB: EF Core stores Guids as text
            }
        }

        command.ExecuteNonQuery();
    }
}
