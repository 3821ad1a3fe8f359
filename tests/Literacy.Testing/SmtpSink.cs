using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Literacy.Testing;

/// <summary>
/// A real SMTP server of the test's own (aiosmtpd with Debian's python3), so a test can stop and start it without touching
/// other tests. Each message it accepts is a file; it refuses recipients at ".invalid" domains as a real server would.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private Process? server;

    private SmtpSink(int port, string folder) => (Port, Folder) = (port, folder);

    public int Port { get; }

    public string Folder { get; }

    /// <summary>Settings that point a site at this server.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Email:Smtp:Host", "127.0.0.1"),
        new("Email:Smtp:Port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Email:Smtp:Security", "None"),
        new("Email:Smtp:FromAddress", "learning@test.literacy.local"),
        new("Email:Smtp:FromName", "Literacy"),
    ];

    public static async Task<SmtpSink> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"literacy-mail-{Guid.NewGuid():N}");
        var sink = new SmtpSink(FreePort(), folder);
        await sink.StartAgainAsync();
        return sink;
    }

    /// <summary>Starts the server (again) on the same port and folder.</summary>
    public async Task StartAgainAsync()
    {
        var start = new ProcessStartInfo("/usr/bin/python3", ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "literacy_sink.Sink", Folder])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["PYTHONPATH"] = Path.Combine(RepoPaths.Root, "tests", "fixtures", "smtp");
        server = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start.");
        var until = DateTime.UtcNow + Wait;
        while (!await AcceptsAsync())
        {
            if (server.HasExited || DateTime.UtcNow > until)
            {
                throw new InvalidOperationException($"aiosmtpd did not start: {await server.StandardError.ReadToEndAsync()}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The server goes away, as a crashed or unplugged mail server does.</summary>
    public async Task StopAsync()
    {
        if (server is { HasExited: false })
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    /// <summary>Every message received so far.</summary>
    public IReadOnlyList<MimeMessage> Messages =>
        Directory.Exists(Path.Combine(Folder, "new"))
            ? Directory.GetFiles(Path.Combine(Folder, "new")).Select(f => MimeMessage.Load(f)).ToList()
            : [];

    public IReadOnlyList<MimeMessage> To(string address) =>
        Messages.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>What the sending site says of itself, added to a timeout's message: why did nothing arrive?</summary>
    public Func<string>? Explain { get; set; }

    /// <summary>Waits until <paramref name="count"/> messages to <paramref name="address"/> have arrived.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(string address, int count = 1, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? Wait);
        while (true)
        {
            var mail = To(address);
            if (mail.Count >= count)
            {
                return mail;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"{mail.Count} of {count} emails to {address} arrived.{Environment.NewLine}{Explain?.Invoke()}");
            }

            await Task.Delay(50);
        }
    }

    private async Task<bool> AcceptsAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>A free port below the ephemeral range, where TIME-WAIT sockets of load tests do not linger.</summary>
    private static int FreePort()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = Random.Shared.Next(20000, 30000);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException) when (attempt < 100)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        server?.Dispose();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
