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
    long Entries,
    int Accounts,
    IReadOnlyList<IssuedCredential> RecentCredentials,
    IReadOnlyList<SigningKey> Keys,
    LedgerReport? Report);

public sealed record RevokeRequest(string? Reason);

/// <summary>Admin → Credit bank: units, the ledger check, credentials and revocation, the issuer's keys.</summary>
[Authorize(Policy = Permissions.ManageCreditBank)]
[Route("admin/credits")]
public sealed class CreditBankAdminController(
    CreditBankDbContext db,
    LedgerVerification verification,
    Revocations revocations,
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

    [HttpPost("credentials/{id:guid}/revoke")]
    public async Task<IActionResult> Revoke(Guid id, RevokeRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            TempData["Error"] = T["Please write the reason for revoking: the learner and anyone who checks the credential will see it."].Value;
            return Redirect("/admin/credits#credentials");
        }

        TempData["Message"] = await revocations.RevokeAsync(id, request.Reason.Trim(), cancellationToken)
            ? T["The credential is revoked and its credits are taken back."].Value
            : T["Nothing changed: there is no such credential, or it was already revoked."].Value;
        return Redirect("/admin/credits#credentials");
    }

    [HttpPost("keys/rotate")]
    public async Task<IActionResult> RotateKey(CancellationToken cancellationToken)
    {
        var key = await keys.RotateAsync(cancellationToken);
        await audit.RecordAsync("issuer-key.rotated", key, null, cancellationToken);
        TempData["Message"] = T["A new signing key is in use. Credentials signed with the old key can still be verified."].Value;
        return Redirect("/admin/credits#keys");
    }

    private async Task<CreditBankOverview> OverviewAsync(LedgerReport? report, CancellationToken cancellationToken) => new(
        await db.Units.AsNoTracking().OrderBy(u => u.Area).ThenBy(u => u.Level).ToListAsync(cancellationToken),
        await db.Entries.LongCountAsync(cancellationToken),
        await db.Accounts.CountAsync(cancellationToken),
        await db.Credentials.AsNoTracking().OrderByDescending(c => c.IssuedUtc).Take(50).ToListAsync(cancellationToken),
        await db.SigningKeys.AsNoTracking().OrderByDescending(k => k.CreatedUtc).ToListAsync(cancellationToken),
        report);
}
