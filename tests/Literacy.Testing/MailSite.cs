using Literacy.Data;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Literacy.Testing;

/// <summary>A site that sends its email to a real SMTP server of its own, retrying every second.</summary>
public class MailSite : PlatformFactory, IAsyncLifetime
{
    public MailSite(DatabaseProvider provider, ManualClock? clock = null)
        : base(TestDatabase.Create(provider)) => Clock = clock;

    public SmtpSink Mail { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Mail = await SmtpSink.StartAsync();
        Mail.Explain = () => string.Join(Environment.NewLine, Log.From(LogLevel.Warning).TakeLast(30).Append(QueueState()));
        foreach (var (key, value) in Mail.Settings)
        {
            Settings[key] = value;
        }

        // A try each second for five minutes: no test's email fails for good while its mail server is briefly down.
        for (var i = 0; i < 300; i++)
        {
            Settings[$"Jobs:RetryDelays:{i}"] = "00:00:01";
        }
    }

    /// <summary>What Hangfire's tables and the outbox hold on PostgreSQL: where did the work stop?</summary>
    private string QueueState()
    {
        if (Database.ConnectionString is null)
        {
            return string.Empty;
        }

        try
        {
            using var connection = new Npgsql.NpgsqlConnection(Database.ConnectionString);
            connection.Open();
            var lines = new List<string>();
            foreach (var sql in new[]
            {
                "select 'job ' || statename || ' ' || count(*) from hangfire.job group by statename",
                "select 'queue ' || queue || ' fetched=' || (fetchedat is not null) || ' ' || count(*) from hangfire.jobqueue group by queue, fetchedat is not null",
                "select 'server ' || id || ' heartbeat ' || lastheartbeat || ' now ' || now() from hangfire.server",
                "select 'outbox ' || \"State\" || ' ' || count(*) from \"OutboxMessages\" group by \"State\"",
                "select 'state ' || s.name || ' ' || coalesce(s.reason, '') || ' ' || left(coalesce(s.data::text, ''), 300) from hangfire.state s order by s.id desc limit 8",
            })
            {
                using var command = new Npgsql.NpgsqlCommand(sql, connection);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    lines.Add(reader.GetString(0));
                }
            }

            return string.Join(Environment.NewLine, lines);
        }
        catch (Npgsql.NpgsqlException e)
        {
            return "queue state unreadable: " + e.Message;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Mail.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
