using System.Diagnostics;
using Literacy.Testing;

namespace Literacy.Web.Tests;

/// <summary>A wrong setting stops the real process with one line that says what to fix.</summary>
public sealed class StartupTests
{
    private static async Task<(int ExitCode, string Error, string Output)> StartAsync(params (string Name, string Value)[] settings)
    {
        var app = RepoPaths.BuildOutput(Path.Combine("src", "Literacy.Web"));
        var start = new ProcessStartInfo("dotnet", [Path.Combine(app, "Literacy.Web.dll"), "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = app,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await error, await output);
    }

    private static void AssertOneClearLine((int ExitCode, string Error, string Output) result, string expected)
    {
        Assert.Equal(1, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("Literacy cannot start: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error + result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_postgresql_server_is_named_in_one_line()
    {
        var result = await StartAsync(("Database__Provider", "PostgreSql"), ("ConnectionStrings__Literacy", "Host=127.0.0.1;Port=9;Username=literacy;Timeout=3"));
        AssertOneClearLine(result, "PostgreSQL cannot be reached");
    }

    [Fact]
    public async Task A_postgresql_provider_without_a_connection_string_says_what_to_set()
    {
        var result = await StartAsync(("Database__Provider", "PostgreSql"));
        AssertOneClearLine(result, "ConnectionStrings:Literacy is empty");
    }

    [Fact]
    public async Task An_unwritable_data_folder_is_named_in_one_line()
    {
        var result = await StartAsync(("Database__DataFolder", "/proc/literacy-data"));
        AssertOneClearLine(result, "The data folder '/proc/literacy-data' cannot be written");
    }

    [Fact]
    public async Task A_malformed_connection_string_is_named_in_one_line()
    {
        var result = await StartAsync(("ConnectionStrings__Literacy", "Data Sourc=literacy.db"));
        AssertOneClearLine(result, "The connection string is not valid");
    }
}
