using Literacy.CreditBank.Credentials;
using Literacy.CreditBank.Data;
using Literacy.CreditBank.Ledger;
using Literacy.Modules.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Literacy.CreditBank.Admin;

public sealed record CreditBankOverview(
    IReadOnlyList<CertificationUnit> Units,
    IReadOnlyList<BundledUnitOffer> BundledUnits,
    long Entries,
    int Accounts,
    IReadOnlyList<CredentialRow> RecentCredentials,
    IReadOnlyList<SigningKey> Keys,
    LedgerReport? Report);

/// <summary>Why a credential is revoked, or issued again: the learner and anyone who checks it see the reason.</summary>
public sealed record RevokeRequest(string? Reason);

/// <summary>The certificates found for what the administrator typed (a certificate's link or id, or an email address).</summary>
public sealed record CredentialsFound(string? Find, IReadOnlyList<CredentialRow> Rows);

/// <summary>Admin → Credit bank: units, the ledger check, credentials and revocation, the issuer's keys.</summary>
[Authorize(Policy = Permissions.ManageCreditBank)]
[Route("admin/credits")]
public sealed class CreditBankAdminController(
    CreditBankDbContext db,
    LedgerVerification verification,
    Revocations revocations,
    CredentialSearch search,
    UnitUpdates unitUpdates,
    IssuerKeys keys,
    IAuditTrail audit,
    IStringLocalizer<CreditBankModule> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await OverviewAsync(null, cancellationToken));

    /// <summary>Recomputes the whole chain and shows the result on the same page.</summary>
    [HttpPost("verify")]
    public async Task<IActionResult> Verify(CancellationToken cancellationToken)
    {
        var report = await verification.VerifyAsync(cancellationToken);
        await audit.RecordAsync("ledger.verified", "ledger", report.Intact ? $"intact, {report.EntriesChecked} entries" : $"broken at entry {report.Break!.EntryId}: {report.Break.Kind}", cancellationToken);
        return View(nameof(Index), await OverviewAsync(report, cancellationToken));
    }

    [HttpGet("credentials")]
    public async Task<IActionResult> Credentials(string? find, CancellationToken cancellationToken) =>
        View(new CredentialsFound(find, string.IsNullOrWhiteSpace(find) ? [] : await search.FindAsync(find, Culture, cancellationToken)));

    [HttpPost("credentials/{id:guid}/revoke")]
    public async Task<IActionResult> Revoke(Guid id, RevokeRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            TempData["Error"] = T["Please write the reason for revoking: the learner and anyone who checks the credential will see it."].Value;
        }
        else
        {
            TempData["Message"] = await revocations.RevokeAsync(id, request.Reason.Trim(), cancellationToken)
                ? T["The credential is revoked and its credits are taken back."].Value
                : T["Nothing changed: there is no such credential, or it was already revoked."].Value;
        }

        return RedirectToAction(nameof(Credentials), new { find = id });
    }

    /// <summary>After a revocation made by mistake: the unit again, as a new credential, with the credits back.</summary>
    [HttpPost("credentials/{id:guid}/reissue")]
    public async Task<IActionResult> Reissue(Guid id, RevokeRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            TempData["Error"] = T["Please write why the certificate is issued again: the learner will see it in their learning account."].Value;
            return RedirectToAction(nameof(Credentials), new { find = id });
        }

        var outcome = await revocations.ReissueAsync(id, request.Reason.Trim(), cancellationToken);
        TempData[outcome == ReissueOutcome.Issued ? "Message" : "Error"] = (outcome switch
        {
            ReissueOutcome.Issued => T["The unit is issued again: a new certificate, and the credits are back in the learner's account."],
            ReissueOutcome.AlreadyIssued => T["Nothing changed: this certificate's unit was already issued again."],
            ReissueOutcome.HolderGone => T["Nothing changed: the learner has deleted their account."],
            _ => T["Nothing changed: only a revoked certificate can be issued again."],
        }).Value;
        return RedirectToAction(nameof(Credentials), new { find = id });
    }

    [HttpPost("keys/rotate")]
    public async Task<IActionResult> RotateKey(CancellationToken cancellationToken)
    {
        var key = await keys.RotateAsync(cancellationToken);
        await audit.RecordAsync("issuer-key.rotated", key, null, cancellationToken);
        TempData["Message"] = T["A new signing key is in use. Credentials signed with the old key can still be verified."].Value;
        return Redirect("/admin/credits#keys");
    }

    private async Task<CreditBankOverview> OverviewAsync(LedgerReport? report, CancellationToken cancellationToken)
    {
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Area).ThenBy(u => u.Level).ToListAsync(cancellationToken);
        return new(
            units,
            await unitUpdates.OffersAsync(units.Select(u => u.Id), cancellationToken),
            await db.Entries.LongCountAsync(cancellationToken),
            await db.Accounts.CountAsync(cancellationToken),
            await search.LatestAsync(50, Culture, cancellationToken),
            await db.SigningKeys.AsNoTracking().OrderByDescending(k => k.CreatedUtc).ToListAsync(cancellationToken),
            report);
    }

    private static string Culture => System.Globalization.CultureInfo.CurrentUICulture.Name;
}
