using System.Diagnostics;
using Literacy.CreditBank.Data;
using Literacy.CreditBank.Ledger;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Bench.CreditBank;

/// <summary>
/// b) Verifying the whole ledger (1,000,000 entries by default) with LedgerVerification, beside the time to merely read
/// every row in the same order through a plain data reader. Best of three runs each, after a warm-up read: the machine is shared.
/// </summary>
public static class LedgerBench
{
    private const string ReadAll =
        "SELECT Id, AccountId, Sequence, SourceId, Kind, UnitId, Credits, Evidence, RecordedUtc, PreviousHash, Hash FROM LedgerEntries ORDER BY AccountId, Sequence";

    public static async Task RunAsync(BenchSite site, Settings settings)
    {
        var connectionString = await site.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<CreditBankDbContext>().Database.GetConnectionString()!));
        var clock = Stopwatch.StartNew();
        var filled = LedgerFill.Fill(connectionString, settings.LedgerAccounts, settings.EntriesPerAccount);
        var fillTime = clock.Elapsed;

        var rows = await ReadAsync(connectionString); // warm-up: the file into the page cache
        var read = TimeSpan.MaxValue;
        var verify = TimeSpan.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            clock.Restart();
            await ReadAsync(connectionString);
            read = Min(read, clock.Elapsed);

            var report = await site.InScopeAsync(sp => sp.GetRequiredService<LedgerVerification>().VerifyAsync(CancellationToken.None));
            if (!report.Intact || report.EntriesChecked != rows)
            {
                throw new InvalidOperationException($"Verification checked {report.EntriesChecked} of {rows} entries, break: {report.Break}");
            }

            verify = Min(verify, report.Took);
        }

        Console.WriteLine();
        Console.WriteLine($"b) verifying a ledger of {rows:N0} entries ({filled:N0} written in {fillTime.TotalSeconds:F1} s for this, not a figure)");
        Console.WriteLine($"   {"LedgerVerification.VerifyAsync",-36} {verify.TotalSeconds,10:F2} s  (chain intact)");
        Console.WriteLine($"   {"read every row, same order, raw reader",-36} {read.TotalSeconds,10:F2} s");
        Console.WriteLine($"   verify/read time ratio: {verify / read:F2}");
        Console.WriteLine($"   target < 5 s: {(verify < TimeSpan.FromSeconds(5) ? "met" : "NOT met")}");
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>Reads every column of every entry, as text and numbers, parsing nothing.</summary>
    private static async Task<long> ReadAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = ReadAll;
        await using var reader = await command.ExecuteReaderAsync();
        long rows = 0;
        long check = 0;
        while (await reader.ReadAsync())
        {
            check += reader.GetInt64(0) + reader.GetString(1).Length + reader.GetInt64(2) + reader.GetString(3).Length + reader.GetString(4).Length
                + reader.GetString(5).Length + reader.GetInt64(6) + reader.GetString(7).Length + reader.GetString(8).Length
                + reader.GetString(9).Length + reader.GetString(10).Length;
            rows++;
        }

        return check == 0 ? 0 : rows; // the sum keeps the reads from being optimised away
    }
}
