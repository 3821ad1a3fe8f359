using System.Globalization;

namespace Literacy.Bench.CreditBank;

/// <summary>Sizes, overridable from the environment (small values make a quick smoke run).</summary>
public sealed record Settings(int Awards, int Workers, int LedgerAccounts, int EntriesPerAccount, int CredentialRuns)
{
    public static Settings FromEnvironment() => new(
        Awards: Int("BENCH_AWARDS", 2_000),
        Workers: Int("BENCH_WORKERS", 8),
        LedgerAccounts: Int("BENCH_LEDGER_ACCOUNTS", 10_000),
        EntriesPerAccount: Int("BENCH_LEDGER_ENTRIES", 100),
        CredentialRuns: Int("BENCH_CREDENTIAL_RUNS", 2_000));

    private static int Int(string name, int fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
