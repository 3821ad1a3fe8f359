using System.Globalization;
using System.Security.Claims;
using Literacy.CreditBank.Accounts;
using Literacy.Modules.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Literacy.CreditBank.Controllers;

/// <summary>My learning account: credits with their evidence, totals, certificates, and the transcript to print or download.</summary>
[Authorize]
[Route("credits")]
public sealed class LearningAccountController(LearningAccounts accounts, IPeople people, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await StatementAsync(cancellationToken));

    [HttpGet("transcript")]
    public async Task<IActionResult> Transcript(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var learner = (await people.FindAsync([userId], cancellationToken)).GetValueOrDefault(userId);
        return learner is null
            ? Challenge() // the account was deleted while its session still ran
            : View(new TranscriptPage(learner, await StatementAsync(cancellationToken), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
    }

    /// <summary>The same transcript as data, for the learner to keep or hand to another institution.</summary>
    [HttpGet("transcript.json")]
    public async Task<IActionResult> TranscriptJson(CancellationToken cancellationToken)
    {
        var s = await StatementAsync(cancellationToken);
        Response.Headers.ContentDisposition = "attachment; filename=\"transcript.json\"";
        return Json(new
        {
            account = s.AccountId,
            total = s.Total,
            byArea = s.ByArea,
            byLevel = s.ByLevel,
            entries = s.Lines.Select(l => new
            {
                l.Sequence,
                recordedUtc = l.RecordedUtc,
                kind = l.Kind.ToString(),
                unit = l.UnitId,
                unitTitle = l.UnitTitle,
                l.Credits,
                l.Balance,
                evidence = l.Evidence,
                credential = l.CredentialId is { } id ? Url.ActionLink(nameof(CredentialsController.Show), "Credentials", new { id }) : null,
            }),
        });
    }

    private Task<Statement> StatementAsync(CancellationToken cancellationToken) =>
        accounts.StatementAsync(User.FindFirstValue(ClaimTypes.NameIdentifier)!, CultureInfo.CurrentUICulture.Name, cancellationToken);
}
