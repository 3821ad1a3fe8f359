using System.Diagnostics;
using System.Text.Json;
using Literacy.Bench.Email;
using Literacy.Data.Outbox;
using Literacy.Jobs.Outbox;
using Literacy.Notifications.Sending;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Literacy.Bench.Email;

public static class EmailBench
{
    public static async Task Main()
    {
        // Issue 6: (a) emails/s from the outbox to a local aiosmtpd, against plain MailKit sends with as many senders in parallel;
        // (b) the delay from a committed change that queues one email to that email landing in the mail server's folder.
        var count = int.Parse(Environment.GetEnvironmentVariable("BENCH_EMAILS") ?? "1000", System.Globalization.CultureInfo.InvariantCulture);
        var singles = int.Parse(Environment.GetEnvironmentVariable("BENCH_SINGLES") ?? "200", System.Globalization.CultureInfo.InvariantCulture);
        var workers = Math.Max(4, Environment.ProcessorCount * 2); // the site's default Hangfire worker count

        await using var sink = await MailSink.StartAsync();
        var data = Directory.CreateTempSubdirectory("literacy-bench-email-").FullName;
        try
        {
            // Baseline: the same work without the platform: build a two-part message, connect, send, disconnect.
            var baseline = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = workers }, async (i, ct) =>
            {
                var message = new MimeMessage { Subject = "Baseline", Body = new BodyBuilder { TextBody = "Plain text.", HtmlBody = "<p>Plain text.</p>" }.ToMessageBody() };
                message.From.Add(new MailboxAddress("Bench", "bench@bench.literacy.local"));
                message.To.Add(new MailboxAddress("", $"baseline-{i}@bench.literacy.local"));
                using var client = new SmtpClient();
                await client.ConnectAsync("127.0.0.1", sink.Port, SecureSocketOptions.None, ct);
                await client.SendAsync(message, ct);
                await client.DisconnectAsync(true, ct);
            });
            baseline.Stop();
            await sink.WaitForCountAsync(count);
            var baselineRate = count / baseline.Elapsed.TotalSeconds;

            await using var site = new BenchSite(data, sink.Port);
            site.Start();

            // (a) A burst: the rows of many triggering changes, committed together; then until the last one has landed.
            var before = sink.Count;
            var burst = Stopwatch.StartNew();
            await site.QueueAsync(Enumerable.Range(0, count).Select(i => $"burst-{i}@bench.literacy.local"));
            try
            {
                await sink.WaitForCountAsync(before + count);
            }
            catch (TimeoutException)
            {
                Console.WriteLine($"outbox: {await site.OutboxSummaryAsync()}");
                throw;
            }

            burst.Stop();
            var rate = count / burst.Elapsed.TotalSeconds;

            // (b) One change at a time: commit, then wait for its email.
            var delays = new List<double>(singles);
            for (var i = 0; i < singles; i++)
            {
                var landed = sink.Count + 1;
                var one = Stopwatch.StartNew();
                await site.QueueAsync([$"single-{i}@bench.literacy.local"]);
                await sink.WaitForCountAsync(landed);
                delays.Add(one.Elapsed.TotalMilliseconds);
            }

            delays.Sort();
            double Percentile(double p) => delays[Math.Min(delays.Count - 1, (int)Math.Ceiling(p * delays.Count) - 1)];
            Console.WriteLine($"emails: {count}, senders: {workers} (Hangfire workers and baseline tasks alike)");
            Console.WriteLine($"baseline, plain MailKit sends to aiosmtpd:   {baselineRate,8:F1} emails/s");
            Console.WriteLine($"outbox -> Hangfire -> render -> MailKit:    {rate,8:F1} emails/s   ratio {rate / baselineRate:F2}");
            Console.WriteLine($"trigger -> landed, one at a time ({singles}):  p50 {Percentile(0.50):F1} ms, p99 {Percentile(0.99):F1} ms");
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
