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
/// </summary>
public sealed class Postman(MailServers servers, SiteLinks links, IOptions<DatabaseOptions> database)
{
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

        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(server.Host, server.Port, Options(server.Security), cancellationToken);
            if (!string.IsNullOrEmpty(server.UserName))
            {
                await client.AuthenticateAsync(server.UserName, server.Password ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
        {
            throw new OutboxRefusedException($"{(int)e.StatusCode} {e.Message}", e);
        }
        catch (SocketException e)
        {
            throw new IOException($"The mail server {server.Host}:{server.Port} cannot be reached ({e.SocketErrorCode}).", e);
        }
    }

    private static SecureSocketOptions Options(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };
}
