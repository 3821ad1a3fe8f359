using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Literacy.Bench.CreditBank;

/// <summary>The three figures of issue 4 on one fresh data folder, deleted afterwards.</summary>
public static class BenchRun
{
    public static async Task<int> RunAsync(Settings settings)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"literacy-bench-credits-{Guid.NewGuid():N}");
        Console.WriteLine($"credit bank benchmark: {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, data in {folder}");
        try
        {
            await using var site = new BenchSite(folder).Start();
            await AwardRate.RunAsync(site, settings, folder + "-held");
            await LedgerBench.RunAsync(site, settings);
            await CredentialBench.RunAsync(site, settings);
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var used in new[] { folder, folder + "-held" }.Where(Directory.Exists))
            {
                Directory.Delete(used, recursive: true);
            }
        }
    }
}
