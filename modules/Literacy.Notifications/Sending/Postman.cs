using System.Net.Sockets;
using Literacy.Data;
using Literacy.Data.Outbox;
using Literacy.Modules;
using Literacy.Notifications.Data;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Literacy.Notifications.Sending;

/// <summary>
/// Hands a rendered email to the mail server with MailKit. A refusal that retrying cannot change (a recipient the server does
/// not know, an address that is not one) is reported as such; anything else (server down, busy) is left to the outbox's retries.
/// With no mail server set, each email is saved as an .eml file under the data folder's "mail" folder, so a fresh site loses none.
/// The connection stays open for the scope (an outbox job sends a few emails), so they do not each connect and log in again.
/// </summary>
public sealed class Postman(MailServers servers, SiteLinks links, IOptions<DatabaseOptions> database) : IAsyncDisposable, IDisposable
{
    private SmtpClient? client;
    private MailServer? connectedTo;

    public async Task SendAsync(long outboxId, MailboxAddress to, RenderedEmail email, string? unsubscribeUrl, CancellationToken cancellationToken)
    {
        var server = await servers.CurrentAsync(cancellationToken);
        var message = new MimeMessage
        {
            // The same outbox item always has the same id, so a copy sent again after a crash is recognisably the same mail.
            MessageId = $"outbox-{outboxId}@{links.Host}",
            Subject = email.Subject,
            Body = new BodyBuilder { TextBody = email.Text, HtmlBody = email.Html }.ToMessageBody(),
        };
        message.From.Add(new MailboxAddress(server?.FromName ?? "Literacy", server?.FromAddress ?? $"no-reply@{links.Host}"));
        message.To.Add(to);
        if (unsubscribeUrl is not null)
        {
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribeUrl}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"); // RFC 8058
        }

        if (server is null)
        {
            var folder = Directory.CreateDirectory(Path.Combine(database.Value.DataFolder, "mail"));
            await message.WriteToAsync(Path.Combine(folder.FullName, $"outbox-{outboxId}.eml"), cancellationToken);
            return;
        }

        try
        {
            await (await ConnectedAsync(server, cancellationToken)).SendAsync(message, cancellationToken);
        }
        catch (Exception e)
        {
            Disconnect(); // in an unknown state: the next email connects afresh
            if (e is SmtpCommandException refused && (int)refused.StatusCode >= 500)
            {
                throw new OutboxRefusedException($"{(int)refused.StatusCode} {refused.Message}", e);
            }

            if (e is SocketException socket)
            {
                throw new IOException($"The mail server {server.Host}:{server.Port} cannot be reached ({socket.SocketErrorCode}).", e);
            }

            throw;
        }
    }

    /// <summary>The connection this scope already has to <paramref name="server"/>, or a new one.</summary>
    private async Task<SmtpClient> ConnectedAsync(MailServer server, CancellationToken cancellationToken)
    {
        if (client is { IsConnected: true } && server == connectedTo)
        {
            return client;
        }

        Disconnect();
        // Without NoDelay, the small end of each message waits for the server's delayed ACK (Nagle): about 40 ms an email.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            patience.CancelAfter(TimeSpan.FromSeconds(30)); // a server that never answers is a failed try, not a stuck worker
            await socket.ConnectAsync(server.Host, server.Port, patience.Token);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        client = new SmtpClient(); // owns the socket from here
        await client.ConnectAsync(socket, server.Host, server.Port, Options(server.Security), cancellationToken);
        if (!string.IsNullOrEmpty(server.UserName))
        {
            await client.AuthenticateAsync(server.UserName, server.Password ?? string.Empty, cancellationToken);
        }

        connectedTo = server;
        return client;
    }

    private void Disconnect()
    {
        client?.Dispose();
        (client, connectedTo) = (null, null);
    }

    /// <summary>Says goodbye to the mail server (QUIT) when the scope's emails are all sent.</summary>
    public async ValueTask DisposeAsync()
    {
        if (client is { IsConnected: true })
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await client.DisconnectAsync(true, patience.Token);
            }
            catch (Exception)
            {
                // It went away first, or did not answer: the emails are sent, nothing is lost.
            }
        }

        Disconnect();
    }

    public void Dispose() => Disconnect();

    private static SecureSocketOptions Options(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };
}
