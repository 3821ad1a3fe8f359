using System.Diagnostics;
using Literacy.Testing;

namespace Literacy.Web.Tests;

/// <summary>
/// The process is killed outright (SIGKILL) in the middle of a burst of awards. After a restart, every award that was
/// acknowledged is there exactly once with its credential, and the ledger's chain still verifies. The burst and the check
/// are modes of the credit bank's bench console; bench/credits/crash.sh runs the same drill from the shell.
/// </summary>
public sealed class CreditCrashTests
{
    private const int AcksBeforeKill = 50;

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private static Process Start(params string[] args)
    {
        var console = Path.Combine(RepoPaths.BuildOutput(Path.Combine("bench", "Literacy.Bench.CreditBank")), "Literacy.Bench.CreditBank.dll");
        return Process.Start(new ProcessStartInfo("dotnet", [console, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
    }

    /// <summary>Complete lines only: a line the kill cut short was never acknowledged.</summary>
    private static int Acknowledged(string ackFile) => File.Exists(ackFile) ? File.ReadAllText(ackFile).Count(c => c == '\n') : 0;

    [Fact]
    public async Task Acknowledged_awards_survive_a_kill_exactly_once_with_the_ledger_chain_intact()
    {
        var folder = Path.Combine(Path.GetTempPath(), "literacy-tests", $"credit-crash-{Guid.NewGuid():N}");
        var (data, acks) = (Path.Combine(folder, "data"), Path.Combine(folder, "acks.txt"));
        Directory.CreateDirectory(folder);
        try
        {
            using (var burst = Start("burst", data, acks))
            {
                try
                {
                    await WaitForAcksAsync(burst, acks);
                }
                finally
                {
                    burst.Kill(); // SIGKILL: no shutdown, no flush; whatever was mid-transaction stays as it was
                    await burst.WaitForExitAsync();
                }
            }

            var acknowledged = Acknowledged(acks);
            Assert.True(acknowledged >= AcksBeforeKill, $"{acknowledged} acknowledged awards");

            var (exitCode, output) = await CheckAsync(data, acks);
            Assert.True(exitCode == 0, $"The check after the restart failed:\n{output}");
            Assert.Contains($"check: {acknowledged} acknowledged awards;", output, StringComparison.Ordinal);
            Assert.Contains("chain intact", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task WaitForAcksAsync(Process burst, string acks)
    {
        var error = burst.StandardError.ReadToEndAsync();
        _ = burst.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Patience);
        while (Acknowledged(acks) < AcksBeforeKill)
        {
            if (burst.HasExited)
            {
                Assert.Fail($"The burst stopped by itself (exit {burst.ExitCode}): {await error}");
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>Restarts on the same data folder and checks it; returns the exit code and everything it printed.</summary>
    private static async Task<(int ExitCode, string Output)> CheckAsync(string data, string acks)
    {
        using var check = Start("check", data, acks);
        var (output, errors) = (check.StandardOutput.ReadToEndAsync(), check.StandardError.ReadToEndAsync());
        try
        {
            using var timeout = new CancellationTokenSource(Patience);
            await check.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            check.Kill();
        }

        return (check.ExitCode, await output + await errors);
    }
}
