using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using Literacy.Data;
using Literacy.Data.Outbox;
using Literacy.Jobs.Outbox;
using Literacy.Notifications.Sending;
using Literacy.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Web.Tests;

/// <summary>Email when things go wrong: the mail server goes away, the site is killed, two nodes share the work.</summary>
[Collection(nameof(EmailResilienceTests))] // each test owns its sites and its mail server; they stop and kill things
public sealed class EmailResilienceTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task With_the_mail_server_down_email_waits_and_arrives_exactly_once_when_it_is_back()
    {
        await using var site = new MailSite(DatabaseProvider.Sqlite);
        await site.InitializeAsync();
        await site.Mail.StopAsync();
        var emails = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            emails.Add((await site.LearnerAsync($"学员{i}")).Email);
        }

        // Every one was tried and refused by the dead server. (Not "all Pending at one moment": with a try each second,
        // under load a row is as often Queued or Working between tries.)
        await UntilAsync(async () => (await RowsAsync(site)).Count(r => r.Attempts >= 1 && r.LastError is not null) == 5);
        Assert.Empty(site.Mail.Messages);

        await site.Mail.StartAgainAsync();
        foreach (var email in emails)
        {
            await site.Mail.WaitForAsync(email, timeout: Wait);
        }

        await Task.Delay(2000); // a duplicate would have time to land
        Assert.All(emails, email => Assert.Single(site.Mail.To(email)));
        Assert.All(await RowsAsync(site), r => Assert.Equal(OutboxState.Done, r.State));
    }

    /// <summary>
    /// The dispatcher hands a row to a job, then marks it queued. If the job has already tried it by then (server down)
    /// and put it back for a retry, the mark must leave it: marked queued with no job, it waited for the sweep, minutes
    /// later. PostgreSQL only: there nothing makes the job wait for the held-back mark, as SQLite's one writer would.
    /// </summary>
    [Fact]
    public async Task An_email_tried_before_the_dispatcher_marks_it_queued_is_still_retried_a_second_later()
    {
        var slowMark = new SlowQueuedMark();
        await using var site = new SlowMarkSite(slowMark);
        await site.InitializeAsync();
        await site.Mail.StopAsync();
        slowMark.Armed = true;
        var (_, email) = await site.LearnerAsync();
        await UntilAsync(async () => (await RowsAsync(site)).Any(r => r.LastError is not null) && slowMark.Held > 0);
        slowMark.Armed = false;

        await site.Mail.StartAgainAsync();
        await site.Mail.WaitForAsync(email, timeout: TimeSpan.FromSeconds(20)); // the sweep would bring it after two minutes
    }

    [Fact]
    public async Task Two_nodes_on_PostgreSQL_share_one_queue_and_send_each_email_once()
    {
        await using var a = new MailSite(DatabaseProvider.PostgreSql);
        await a.InitializeAsync();
        a.Settings["Jobs:Node"] = "node-a";
        await using var b = a.AnotherNode();
        b.Settings["Jobs:Node"] = "node-b";
        _ = a.Services;
        _ = b.Services; // both started: two Hangfire servers on one PostgreSQL queue

        const int Count = 60;
        var addresses = new List<string>();
        for (var i = 0; i < Count; i++)
        {
            addresses.Add(await QueueTestEmailAsync(a, $"shared-{i}"));
        }

        foreach (var address in addresses)
        {
            await a.Mail.WaitForAsync(address, timeout: TimeSpan.FromMinutes(4)); // time for a lost job to be queued again
        }

        await Task.Delay(2000);
        Assert.All(addresses, address => Assert.Single(a.Mail.To(address)));
        var nodes = (await RowsAsync(a)).GroupBy(r => r.Node).ToDictionary(g => g.Key!, g => g.Count());
        Assert.Equal(Count, nodes.Values.Sum());
        Assert.True(nodes.GetValueOrDefault("node-a") > 0 && nodes.GetValueOrDefault("node-b") > 0, $"work per node: {JsonSerializer.Serialize(nodes)}");
    }

    [Fact]
    public async Task Two_sites_started_together_in_one_process_each_send_their_own_email()
    {
        // Hangfire keeps process-wide defaults that each starting host overwrites; two hosts starting at once (the test
        // classes do) must still each run their jobs in their own services, also after the other has stopped.
        await using var first = new MailSite(DatabaseProvider.PostgreSql);
        var second = new MailSite(DatabaseProvider.PostgreSql);
        try
        {
            await Task.WhenAll(first.InitializeAsync().AsTask(), second.InitializeAsync().AsTask());
            await Task.WhenAll(Task.Run(() => first.Services), Task.Run(() => second.Services));

            var toFirst = await QueueTestEmailAsync(first, "first");
            var toSecond = await QueueTestEmailAsync(second, "second");
            await first.Mail.WaitForAsync(toFirst, timeout: Wait);
            await second.Mail.WaitForAsync(toSecond, timeout: Wait);
        }
        finally
        {
            await second.DisposeAsync(); // stopped before the last send: its defaults must not be left behind
        }

        var again = await QueueTestEmailAsync(first, "again");
        await first.Mail.WaitForAsync(again, timeout: Wait);
        // A row is marked done just after the server accepts its email, so the test waits for the mark.
        await UntilAsync(async () => (await RowsAsync(first)).All(r => r.State == OutboxState.Done));
        Assert.Single(first.Mail.To(again));
    }

    private static async Task<string> QueueTestEmailAsync(PlatformFactory site, string name)
    {
        var address = $"{name}-{Guid.NewGuid():N}@test.literacy.local";
        await using var scope = site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IOutbox>()
            .AddAsync(scope.ServiceProvider.GetRequiredService<OutboxDbContext>(), TestEmailTo(address), CancellationToken.None);
        return address;
    }

    [Fact]
    public async Task A_site_killed_with_email_pending_sends_each_email_exactly_once_after_a_restart()
    {
        await using var mail = await SmtpSink.StartAsync();
        var data = Directory.CreateTempSubdirectory("literacy-crash-").FullName;
        try
        {
            var site = StartSite(data, mail);
            await WaitForHealthAsync(site.Port);
            var sent = await QueueAsync(data, "before", 10);
            foreach (var address in sent)
            {
                await mail.WaitForAsync(address, timeout: Wait);
            }

            await mail.StopAsync();
            var pending = await QueueAsync(data, "pending", 20);
            await UntilAsync(() => Task.FromResult(Tried(data) >= 20));
            site.Process.Kill(); // SIGKILL: no shutdown; Hangfire's queue in memory is gone with it
            await site.Process.WaitForExitAsync();

            await mail.StartAgainAsync();
            var again = StartSite(data, mail);
            try
            {
                foreach (var address in pending)
                {
                    await mail.WaitForAsync(address, timeout: Wait);
                }

                await Task.Delay(2000);
                Assert.All(sent.Concat(pending), address => Assert.Single(mail.To(address)));
            }
            finally
            {
                again.Process.Kill();
                await again.Process.WaitForExitAsync();
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private static OutboxRequest TestEmailTo(string address) => EmailPayload.Request(new TestEmail("Test", "sink"), null, address, "en", $"test:{address}");

    private static async Task<List<OutboxMessage>> RowsAsync(PlatformFactory site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDbContext>().Messages.AsNoTracking().ToListAsync();
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? Wait);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, "timed out");
            await Task.Delay(100);
        }
    }

    /// <summary>Writes test emails straight into the killed site's outbox table, as a committed change would.</summary>
    private static async Task<List<string>> QueueAsync(string data, string batch, int count)
    {
        var addresses = Enumerable.Range(0, count).Select(i => $"{batch}-{i}@test.literacy.local").ToList();
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "literacy.db")}");
        await connection.OpenAsync();
        foreach (var address in addresses)
        {
            var request = TestEmailTo(address);
            await using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO "OutboxMessages" ("Kind", "Key", "Payload", "CreatedUtc", "State", "Attempts", "DueUtc")
                VALUES ($kind, $key, $payload, $now, 0, 0, $now)
                """;
            insert.Parameters.AddWithValue("$kind", request.Kind);
            insert.Parameters.AddWithValue("$key", request.Key);
            insert.Parameters.AddWithValue("$payload", request.Payload);
            insert.Parameters.AddWithValue("$now", DateTime.UtcNow.AddSeconds(-1));
            await insert.ExecuteNonQueryAsync();
        }

        return addresses;
    }

    private static int Tried(string data)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "literacy.db")}");
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = """SELECT COUNT(*) FROM "OutboxMessages" WHERE "Key" LIKE 'email:test:pending-%' AND "Attempts" > 0""";
        return Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed record RunningSite(Process Process, int Port);

    /// <summary>The built site as its own process, as it runs in production, on an SQLite file in <paramref name="data"/>.</summary>
    private static RunningSite StartSite(string data, SmtpSink mail)
    {
        var port = Random.Shared.Next(20000, 30000);
        var web = RepoPaths.BuildOutput(Path.Combine("src", "Literacy.Web"));
        var start = new ProcessStartInfo("dotnet", [Path.Combine(web, "Literacy.Web.dll")])
        {
            WorkingDirectory = Path.Combine(RepoPaths.Root, "src", "Literacy.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__DataFolder"] = data;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in mail.Settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        for (var i = 0; i < 30; i++)
        {
            start.Environment[$"Jobs__RetryDelays__{i}"] = "00:00:01";
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new RunningSite(process, port);
    }

    private static async Task WaitForHealthAsync(int port)
    {
        using var http = new HttpClient();
        await UntilAsync(async () =>
        {
            try
            {
                return (await http.GetAsync($"http://127.0.0.1:{port}/healthz")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromMinutes(3)); // the first start installs the bundled courses
    }

    private sealed class SlowMarkSite(SlowQueuedMark mark) : MailSite(DatabaseProvider.PostgreSql)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddSingleton<IInterceptor>(mark));
        }
    }

    /// <summary>While armed, holds back the dispatcher's "queued" mark, as a busy database would.</summary>
    private sealed class SlowQueuedMark : DbCommandInterceptor
    {
        private int held;

        public volatile bool Armed;

        public int Held => held;

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var sql = command.CommandText;
            // The mark: from pending (state 0), with no attempt and no outcome (the claim, the record and the release have those).
            if (Armed && sql.StartsWith("UPDATE \"OutboxMessages\"", StringComparison.Ordinal) && sql.Contains("\"State\" = 0", StringComparison.Ordinal)
                && !sql.Contains("\"Attempts\"", StringComparison.Ordinal) && !sql.Contains("\"LastError\"", StringComparison.Ordinal))
            {
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
                Interlocked.Increment(ref held);
            }

            return result;
        }
    }
}
