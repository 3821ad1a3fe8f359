using System.ComponentModel.DataAnnotations;
using Literacy.Data.Outbox;
using Literacy.Modules.Audit;
using Literacy.Modules.People;
using Literacy.Notifications.Data;
using Literacy.Notifications.Sending;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Literacy.Notifications.Controllers;

public sealed record MailServerRequest(
    [Required(ErrorMessage = "Enter the mail server's name.")] string? Host,
    [Range(1, 65535, ErrorMessage = "The port is a number from 1 to 65535.")] int Port,
    SmtpSecurity Security,
    string? UserName,
    string? Password,
    [Required(ErrorMessage = "Enter the address email is sent from."), EmailAddress(ErrorMessage = "Enter the address email is sent from.")] string? FromAddress,
    [Required(ErrorMessage = "Enter the name email is sent from.")] string? FromName);

public sealed record FailedEmail(long Id, DateTime CreatedUtc, string To, string Type, int Attempts, string Reason);

public sealed record EmailAdminPage(MailServerRequest Server, bool FromSettingsFile, bool HasPassword, IReadOnlyList<FailedEmail> Failed, OutboxRecord? LastTest);

/// <summary>Administrators set the mail server, send a test email and see what could not be sent, with the server's reason.</summary>
[Authorize(Policy = Permissions.ManageEmail)]
[Route("admin/email")]
public sealed class EmailAdminController(MailServers servers, IOutbox outbox, IOutboxRecords records, IPeople people, NotificationsDbContext db, IAuditTrail audit, IStringLocalizer<NotificationsModule> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? test, CancellationToken cancellationToken)
    {
        var current = await servers.CurrentAsync(cancellationToken);
        var saved = db.SmtpSettings.Any();
        var form = current is null
            ? new MailServerRequest(null, 25, SmtpSecurity.Auto, null, null, null, "Literacy")
            : new MailServerRequest(current.Host, current.Port, current.Security, current.UserName, null, current.FromAddress, current.FromName);
        return View(await PageAsync(form, current is not null && !saved, current?.Password is { Length: > 0 }, test, cancellationToken));
    }

    [HttpPost("server")]
    public async Task<IActionResult> SaveServer(MailServerRequest request, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(nameof(Index), await PageAsync(request, false, false, null, cancellationToken));
        }

        await servers.SaveAsync(new MailServer(request.Host!.Trim(), request.Port, request.Security, request.UserName?.Trim(), request.Password,
            request.FromAddress!.Trim(), request.FromName!.Trim()), cancellationToken);
        await audit.RecordAsync("email.server-changed", request.Host!, $"port {request.Port}, {request.Security}", cancellationToken);
        TempData["Message"] = T["The mail server is saved. Send a test email to check it."].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("test")]
    public async Task<IActionResult> SendTest([EmailAddress] string? address, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(address) || !ModelState.IsValid)
        {
            TempData["Error"] = T["Enter the email address to send the test to."].Value;
            return RedirectToAction(nameof(Index));
        }

        var server = await servers.CurrentAsync(cancellationToken);
        var email = new TestEmail(User.Identity!.Name!, server is null ? T["none: email is saved as files"] : $"{server.Host}:{server.Port}");
        var request = EmailPayload.Request(email, null, address.Trim(), System.Globalization.CultureInfo.CurrentUICulture.Name, $"test:{Guid.NewGuid():N}");
        await outbox.AddAsync(db, request, cancellationToken);
        await audit.RecordAsync("email.test-sent", address.Trim(), null, cancellationToken);
        return RedirectToAction(nameof(Index), new { test = request.Key });
    }

    [HttpPost("failed/{id:long}/retry")]
    public async Task<IActionResult> Retry(long id, CancellationToken cancellationToken)
    {
        if (await records.RetryAsync(id, cancellationToken))
        {
            await audit.RecordAsync("email.retried", id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, cancellationToken);
            TempData["Message"] = T["The email is being sent again."].Value;
        }

        return RedirectToAction(nameof(Index));
    }

    private async Task<EmailAdminPage> PageAsync(MailServerRequest form, bool fromFile, bool hasPassword, string? test, CancellationToken cancellationToken)
    {
        var failed = await records.FailedAsync(EmailPayload.Kind, 100, cancellationToken);
        var payloads = failed.Select(f => (Record: f, Payload: EmailPayload.Read(f.Payload))).ToList();
        var named = await people.FindAsync(payloads.Select(p => p.Payload.UserId).OfType<string>().Distinct(), cancellationToken);
        var rows = payloads.Select(p => new FailedEmail(p.Record.Id, p.Record.CreatedUtc,
            p.Payload.UserId is { } id ? named.GetValueOrDefault(id)?.Email ?? T["a deleted account"] : p.Payload.Address ?? string.Empty,
            p.Payload.Type[(p.Payload.Type.LastIndexOf('.') + 1)..], p.Record.Attempts, p.Record.LastError ?? string.Empty)).ToList();
        var lastTest = test is { Length: > 0 } ? await records.FindAsync(test, cancellationToken) : null;
        return new EmailAdminPage(form, fromFile, hasPassword, rows, lastTest);
    }
}
