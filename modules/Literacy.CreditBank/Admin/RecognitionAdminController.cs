using System.Text.Json;
using Literacy.CreditBank.Data;
using Literacy.CreditBank.Recognition;
using Literacy.Modules.Audit;
using Literacy.Modules.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.IdentityModel.Tokens;

namespace Literacy.CreditBank.Admin;

/// <param name="Pending">The requests that have waited longest, at most <see cref="RecognitionAdminController.PendingShown"/> of <paramref name="PendingCount"/>.</param>
public sealed record RecognitionAdminPage(
    IReadOnlyList<RecognitionRequest> Pending,
    int PendingCount,
    IReadOnlyList<RecognitionRequest> Decided,
    IReadOnlyDictionary<string, Person> Learners,
    IReadOnlyList<CertificationUnit> Units,
    IReadOnlyList<TrustedIssuer> Issuers,
    IReadOnlyList<ConversionRule> Rules);

public sealed record DecisionRequest(string? UnitId, string? Reason);

public sealed record IssuerRequest(string? IssuerId, string? Name, string? Jwks);

public sealed record RuleRequest(string? IssuerId, string? AchievementId, string? UnitId);

/// <summary>Admin → Credit bank → Recognition: the requests to decide, the trusted issuers and the conversion rules.</summary>
[Authorize(Policy = Permissions.ManageCreditBank)]
[Route("admin/credits/recognition")]
public sealed class RecognitionAdminController(
    CreditBankDbContext db,
    Recognitions recognitions,
    IPeople people,
    IAuditTrail audit,
    IStringLocalizer<CreditBankModule> T) : Controller
{
    internal const int PendingShown = 100;

    /// <summary>The requests waiting, those that have waited longest first, and the 50 decided last.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var waiting = db.RecognitionRequests.AsNoTracking().Where(r => r.Status == RecognitionStatus.Pending);
        var pending = await waiting.OrderBy(r => r.SubmittedUtc).Take(PendingShown).ToListAsync(cancellationToken);
        var decided = await db.RecognitionRequests.AsNoTracking().Where(r => r.Status != RecognitionStatus.Pending)
            .OrderByDescending(r => r.DecidedUtc).Take(50).ToListAsync(cancellationToken);
        return View(new RecognitionAdminPage(
            pending,
            await waiting.CountAsync(cancellationToken),
            decided,
            await people.FindAsync(pending.Concat(decided).Select(r => r.UserId).Distinct(), cancellationToken),
            await db.Units.AsNoTracking().Where(u => u.Active).OrderBy(u => u.Id).ToListAsync(cancellationToken),
            await db.TrustedIssuers.AsNoTracking().OrderBy(i => i.Name).ToListAsync(cancellationToken),
            await db.ConversionRules.AsNoTracking().OrderBy(r => r.IssuerId).ThenBy(r => r.AchievementId).ToListAsync(cancellationToken)));
    }

    [HttpPost("{id:guid}/approve")]
    public async Task<IActionResult> Approve(Guid id, DecisionRequest request, CancellationToken cancellationToken) =>
        Done(await recognitions.ApproveAsync(id, string.IsNullOrWhiteSpace(request.UnitId) ? null : request.UnitId, cancellationToken));

    [HttpPost("{id:guid}/reject")]
    public async Task<IActionResult> Reject(Guid id, DecisionRequest request, CancellationToken cancellationToken) =>
        Done(await recognitions.RejectAsync(id, request.Reason, cancellationToken));

    /// <summary>Trusts another institution: its issuer id and its public keys (a JWK set with at least one P-256 key).</summary>
    [HttpPost("issuers")]
    public async Task<IActionResult> AddIssuer(IssuerRequest request, CancellationToken cancellationToken)
    {
        var issuerId = request.IssuerId?.Trim() ?? string.Empty;
        if (issuerId.Length is 0 or > 300 || string.IsNullOrWhiteSpace(request.Name) || !IsUsableKeySet(request.Jwks))
        {
            TempData["Error"] = T["Please give the issuer id exactly as it appears in their credentials, a name, and their public keys as a JWK set with at least one EC P-256 key."].Value;
            return Redirect("/admin/credits/recognition#issuers");
        }

        var existing = await db.TrustedIssuers.FirstOrDefaultAsync(i => i.IssuerId == issuerId, cancellationToken);
        if (existing is null)
        {
            db.TrustedIssuers.Add(new TrustedIssuer { IssuerId = issuerId, Name = request.Name.Trim(), Jwks = request.Jwks!.Trim(), AddedUtc = DateTime.UtcNow });
        }
        else
        {
            (existing.Name, existing.Jwks) = (request.Name.Trim(), request.Jwks!.Trim()); // their keys rotated: paste the new set
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(existing is null ? "trusted-issuer.added" : "trusted-issuer.updated", issuerId, request.Name, cancellationToken);
        TempData["Message"] = T["{0} is trusted. Add a conversion rule so that its credentials point to one of your units.", request.Name.Trim()].Value;
        return Redirect("/admin/credits/recognition#issuers");
    }

    [HttpPost("issuers/remove")]
    public async Task<IActionResult> RemoveIssuer(IssuerRequest request, CancellationToken cancellationToken)
    {
        await db.ConversionRules.Where(r => r.IssuerId == request.IssuerId).ExecuteDeleteAsync(cancellationToken);
        if (await db.TrustedIssuers.Where(i => i.IssuerId == request.IssuerId).ExecuteDeleteAsync(cancellationToken) > 0)
        {
            await audit.RecordAsync("trusted-issuer.removed", request.IssuerId!, null, cancellationToken);
            TempData["Message"] = T["The issuer is no longer trusted. Credits already approved stay."].Value;
        }

        return Redirect("/admin/credits/recognition#issuers");
    }

    [HttpPost("rules")]
    public async Task<IActionResult> AddRule(RuleRequest request, CancellationToken cancellationToken)
    {
        var achievement = string.IsNullOrWhiteSpace(request.AchievementId) ? ConversionRule.AnyAchievement : request.AchievementId.Trim();
        if (!await db.TrustedIssuers.AnyAsync(i => i.IssuerId == request.IssuerId, cancellationToken)
            || !await db.Units.AnyAsync(u => u.Id == request.UnitId && u.Active, cancellationToken) || achievement.Length > 500)
        {
            TempData["Error"] = T["Please choose a trusted issuer and one of your units."].Value;
            return Redirect("/admin/credits/recognition#rules");
        }

        if (await db.ConversionRules.AnyAsync(r => r.IssuerId == request.IssuerId && r.AchievementId == achievement, cancellationToken))
        {
            TempData["Error"] = T["There is already a rule for this achievement of this issuer. Remove it first: one achievement converts to one unit."].Value;
            return Redirect("/admin/credits/recognition#rules");
        }

        db.ConversionRules.Add(new ConversionRule { IssuerId = request.IssuerId!, AchievementId = achievement, UnitId = request.UnitId! });
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("conversion-rule.added", request.IssuerId!, $"{achievement} → {request.UnitId}", cancellationToken);
        return Redirect("/admin/credits/recognition#rules");
    }

    [HttpPost("rules/{id:int}/remove")]
    public async Task<IActionResult> RemoveRule(int id, CancellationToken cancellationToken)
    {
        var rule = await db.ConversionRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rule is not null)
        {
            await db.ConversionRules.Where(r => r.Id == id).ExecuteDeleteAsync(cancellationToken);
            await audit.RecordAsync("conversion-rule.removed", rule.IssuerId, $"{rule.AchievementId} → {rule.UnitId}", cancellationToken);
        }

        return Redirect("/admin/credits/recognition#rules");
    }

    private IActionResult Done(RecognitionResult result)
    {
        TempData[result.Succeeded ? "Message" : "Error"] = result.Message;
        return Redirect("/admin/credits/recognition");
    }

    private static bool IsUsableKeySet(string? jwks)
    {
        if (string.IsNullOrWhiteSpace(jwks) || jwks.Length > 64 * 1024)
        {
            return false;
        }

        try
        {
            var set = new JsonWebKeySet(jwks);
            // Public keys only: a private key pasted here by mistake must not be stored.
            return set.Keys.Any(k => k.Kty == "EC" && k.Crv == "P-256") && set.Keys.All(k => !k.HasPrivateKey);
        }
        catch (Exception e) when (e is ArgumentException or JsonException)
        {
            return false;
        }
    }
}
