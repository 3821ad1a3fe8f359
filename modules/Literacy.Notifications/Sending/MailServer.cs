using Literacy.Notifications.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Literacy.Notifications.Sending;

/// <summary>Where mail goes: the server set in the admin, else the "Email:Smtp" settings, else none (mail is saved to files).</summary>
public sealed record MailServer(string Host, int Port, SmtpSecurity Security, string? UserName, string? Password, string FromAddress, string FromName);

public sealed class MailServers(NotificationsDbContext db, IConfiguration configuration, IDataProtectionProvider protection)
{
    private IDataProtector Protector => protection.CreateProtector("Literacy.Notifications.SmtpPassword.v1");

    public async Task<MailServer?> CurrentAsync(CancellationToken cancellationToken)
    {
        if (await db.SmtpSettings.AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(cancellationToken) is { } saved)
        {
            return new MailServer(saved.Host, saved.Port, saved.Security, saved.UserName,
                saved.ProtectedPassword is null ? null : Protector.Unprotect(saved.ProtectedPassword), saved.FromAddress, saved.FromName);
        }

        var smtp = configuration.GetSection("Email:Smtp");
        return smtp["Host"] is { Length: > 0 } host
            ? new MailServer(host, smtp.GetValue("Port", 25), smtp.GetValue("Security", SmtpSecurity.Auto), smtp["UserName"], smtp["Password"],
                smtp["FromAddress"] ?? "no-reply@localhost", smtp["FromName"] ?? "Literacy")
            : null;
    }

    /// <summary>The settings form: the password is kept when left empty, since it is never shown again.</summary>
    public async Task SaveAsync(MailServer server, CancellationToken cancellationToken)
    {
        var row = await db.SmtpSettings.OrderBy(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            row = new SmtpSetting { Host = server.Host, FromAddress = server.FromAddress, FromName = server.FromName };
            db.SmtpSettings.Add(row);
        }

        (row.Host, row.Port, row.Security, row.UserName, row.FromAddress, row.FromName) =
            (server.Host, server.Port, server.Security, server.UserName, server.FromAddress, server.FromName);
        if (!string.IsNullOrEmpty(server.Password))
        {
            row.ProtectedPassword = Protector.Protect(server.Password);
        }
        else if (string.IsNullOrEmpty(server.UserName))
        {
            row.ProtectedPassword = null;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
