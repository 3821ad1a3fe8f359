using System.Text.Json;
using Literacy.Data.Outbox;
using Literacy.Jobs.Outbox;
using Literacy.Notifications.Sending;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Bench.Email;

/// <summary>The real host, in process, on a fresh SQLite data folder, sending to the bench's mail server.</summary>
public sealed class BenchSite(string dataFolder, int smtpPort) : WebApplicationFactory<Program>
{
    public BenchSite Start()
    {
        _ = Services;
        return this;
    }

    /// <summary>Queues one test email per address in one committed transaction, as a change that causes them would.</summary>
    public async Task QueueAsync(IEnumerable<string> addresses)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutboxDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var address in addresses)
        {
            await outbox.AddAsync(db, EmailPayload.Request(new TestEmail("Bench", "aiosmtpd"), null, address, "zh-CN", $"bench:{address}"), CancellationToken.None);
        }

        await transaction.CommitAsync();
    }

    /// <summary>How the outbox stands: rows per state, and the errors met, for a run that did not finish.</summary>
    public async Task<string> OutboxSummaryAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<OutboxDbContext>().Messages.AsNoTracking()
            .Select(m => new { m.State, m.LastError, m.Attempts }).ToListAsync();
        return string.Join("; ", rows.GroupBy(r => r.State).Select(g => $"{g.Key}: {g.Count()}"))
            + " | errors: " + string.Join(" / ", rows.Where(r => r.LastError is not null).Select(r => r.LastError).Distinct().Take(5));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Literacy.Web")));
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:DataFolder"] = dataFolder,
            ["ConnectionStrings:Literacy"] = string.Empty,
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Logging:LogLevel:Default"] = "Error",
        }));
    }
}
