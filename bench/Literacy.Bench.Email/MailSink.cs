using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Literacy.Bench.Email;

/// <summary>aiosmtpd (Debian's python3) writing each message to a file; the bench counts the files.</summary>
public sealed class MailSink : IAsyncDisposable
{
    private readonly Process server;
    private readonly string folder;
    private int count;
    private readonly FileSystemWatcher watcher;

    private MailSink(Process server, string folder, int port)
    {
        (this.server, this.folder, Port) = (server, folder, port);
        Directory.CreateDirectory(Path.Combine(folder, "new"));
        watcher = new FileSystemWatcher(Path.Combine(folder, "new")) { EnableRaisingEvents = true, InternalBufferSize = 64 * 1024 };
        watcher.Created += (_, _) => Interlocked.Increment(ref count);
        watcher.Renamed += (_, _) => Interlocked.Increment(ref count); // Maildir writes to tmp/, then moves into new/
    }

    public int Port { get; }

    public int Count => Volatile.Read(ref count);

    public static async Task<MailSink> StartAsync()
    {
        var port = Random.Shared.Next(20000, 30000);
        var folder = Directory.CreateTempSubdirectory("literacy-bench-mail-").FullName;
        foreach (var sub in new[] { "new", "cur", "tmp" })
        {
            Directory.CreateDirectory(Path.Combine(folder, sub));
        }

        var server = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", folder])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        for (var i = 0; i < 200; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return new MailSink(server, folder, port);
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException("aiosmtpd did not start.");
    }

    public async Task WaitForCountAsync(int target)
    {
        var until = DateTime.UtcNow.AddMinutes(1);
        while (Count < target)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"{Count} of {target} emails landed.");
            }

            await Task.Delay(1);
        }
    }

    public async ValueTask DisposeAsync()
    {
        watcher.Dispose();
        server.Kill(entireProcessTree: true);
        await server.WaitForExitAsync();
        Directory.Delete(folder, recursive: true);
    }
}
