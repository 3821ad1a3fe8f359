using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Literacy.CreditBank.Credentials;
using Literacy.CreditBank.Data;
using Literacy.CreditBank.Earning;
using Literacy.CreditBank.Ledger;
using Literacy.Modules.Audit;
using Literacy.Modules.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Literacy.CreditBank.Recognition;

/// <summary>The answer to a submission or a decision: whether it went through, and a sentence for the person who asked.</summary>
public sealed record RecognitionResult(bool Succeeded, string Message, RecognitionRequest? Request = null);

/// <summary>
/// Recognition of learning from other institutions: a learner submits a credential, it is checked (signature by a trusted
/// issuer, dates, revocation, that it is theirs) and converted to a local unit by the administrator's rules;
/// an administrator approves or rejects it with a reason. Approval awards the unit through the ledger, once.
/// </summary>
public sealed class Recognitions(
    CreditBankDbContext db,
    CredentialVerifier verifier,
    Awards awards,
    IAuditTrail audit,
    IOptions<CreditBankOptions> options,
    TimeProvider clock,
    IStringLocalizer<CreditBankModule> T)
{
    private const int MaxIdLength = 500;

    /// <summary>
    /// Why this person cannot submit yet, or null. A credential names its holder by email, so the email must be one they
    /// proved is theirs: otherwise anyone could register with another person's address and claim their certificates.
    /// </summary>
    public string? WhyNotYet(Person holder) =>
        holder.Email.Length == 0 ? T["Your account has no email address. A certificate names its holder by email, so we cannot tell that it is yours. Ask your trainer to help you add your email address."].Value
        : !holder.EmailConfirmed ? T["Please confirm your email address first: open the link in the email we sent to {0}. A certificate names its holder by email, so we must know the address is yours.", holder.Email].Value
        : null;

    public Task<RecognitionResult> SubmitAsync(Person holder, string jwt, CancellationToken cancellationToken) =>
        SubmitAsync(holder, jwt, retry: true, cancellationToken);

    private async Task<RecognitionResult> SubmitAsync(Person holder, string jwt, bool retry, CancellationToken cancellationToken)
    {
        if (WhyNotYet(holder) is { } notYet)
        {
            return new(false, notYet);
        }

        var (userId, email) = (holder.Id, holder.Email);
        var check = await verifier.VerifyAsync(jwt, cancellationToken);
        if (check.Issuer == options.Value.IssuerDid && check.Claims is not null)
        {
            return new(false, T["This certificate is from this site: it is already in your learning account."]);
        }

        if (!check.IsValid)
        {
            return new(false, check.Message);
        }

        var claims = check.Claims!.Value;
        if (!IsHeldBy(claims, email))
        {
            return new(false, T["This credential was issued to someone else: the email address in it is not yours. You can only submit your own credentials."]);
        }

        var credentialId = check.CredentialId!;
        if (credentialId.Length > MaxIdLength || check.Issuer!.Length > 300)
        {
            return new(false, T["This credential's id is too long for us to keep (more than {0} characters). Please ask its issuer.", MaxIdLength]);
        }

        var existing = await db.RecognitionRequests.AsNoTracking()
            .FirstOrDefaultAsync(r => r.IssuerId == check.Issuer && r.CredentialId == credentialId, cancellationToken);
        if (existing is not null)
        {
            return existing.UserId == userId
                ? new(true, T["You submitted this credential before. Its request is below; submitting again changes nothing."], existing)
                : new(false, T["This credential has already been submitted from another account."]);
        }

        var (achievementId, achievementName, credits) = Achievement(claims);
        var request = new RecognitionRequest
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            SubmittedUtc = clock.GetUtcNow().UtcDateTime,
            Jwt = jwt.Trim(),
            IssuerId = check.Issuer!,
            CredentialId = credentialId,
            AchievementId = achievementId,
            AchievementName = achievementName,
            CreditsClaimed = credits,
            ProposedUnitId = await ConvertAsync(check.Issuer!, achievementId, cancellationToken),
            Status = RecognitionStatus.Pending,
        };
        db.RecognitionRequests.Add(request);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (retry)
        {
            // The same credential, submitted twice at once: the other request won and is found on the second try.
            db.ChangeTracker.Clear();
            return await SubmitAsync(holder, jwt, retry: false, cancellationToken);
        }

        await audit.RecordAsync("recognition.submitted", request.Id.ToString(), $"{request.IssuerId}: {request.AchievementName}", cancellationToken);
        return new(true, T["Thank you. An administrator will look at your credential and decide; you will see the answer here."], request);
    }

    public async Task<RecognitionResult> ApproveAsync(Guid requestId, string? unitId, CancellationToken cancellationToken)
    {
        var request = await db.RecognitionRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null || request.Status != RecognitionStatus.Pending)
        {
            return new(false, T["This request has already been decided."]);
        }

        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == (unitId ?? request.ProposedUnitId) && u.Active, cancellationToken);
        if (unit is null)
        {
            return new(false, T["Please choose the certification unit this credential counts as."]);
        }

        // Checked again: the issuer may have revoked it since it was submitted.
        var check = await verifier.VerifyAsync(request.Jwt, cancellationToken);
        if (!check.IsValid)
        {
            return new(false, check.Message);
        }

        var issuerName = await db.TrustedIssuers.Where(i => i.IssuerId == request.IssuerId).Select(i => i.Name).FirstOrDefaultAsync(cancellationToken) ?? request.IssuerId;
        LedgerAppendResult award;
        try
        {
            // The request is decided in the award's own commit: an approval that races another decision (a second tab,
            // a second administrator, a rejection) pays nothing, and a crash cannot leave credits paid for a pending request.
            award = await awards.AwardAsync(request.UserId, unit, EntryKind.Recognition, new
            {
                type = "recognition",
                issuer = request.IssuerId,
                issuerName,
                credentialId = request.CredentialId,
                achievementId = request.AchievementId,
                achievementName = request.AchievementName,
                requestId = request.Id,
            }, cancellationToken, within: async writer =>
            {
                if (!await DecideAsync(writer, requestId, RecognitionStatus.Approved, unit.Id, null, cancellationToken))
                {
                    throw new RequestAlreadyDecidedException();
                }
            });
        }
        catch (RequestAlreadyDecidedException)
        {
            return new(false, T["This request has already been decided."]);
        }

        if (!award.Created)
        {
            return new(false, T["The learner already has the unit {0}; approving would award it twice. Choose another unit, or reject the request.", unit.TitleEn]);
        }

        return new(true, T["Approved: {0} credits for {1} are in the learner's account.", unit.Credits, unit.Title(System.Globalization.CultureInfo.CurrentUICulture.Name)]);
    }

    public async Task<RecognitionResult> RejectAsync(Guid requestId, string? reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return new(false, T["Please write the reason: the learner will see it."]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await DecideAsync(db, requestId, RecognitionStatus.Rejected, null, reason.Trim(), cancellationToken))
        {
            return new(false, T["This request has already been decided."]);
        }

        await transaction.CommitAsync(cancellationToken);
        return new(true, T["Rejected. The learner will see your reason."]);
    }

    /// <summary>Decides a request that is still pending, with its audit line, on <paramref name="within"/>'s transaction; false if it was decided already.</summary>
    private async Task<bool> DecideAsync(CreditBankDbContext within, Guid requestId, RecognitionStatus status, string? unitId, string? reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await within.RecognitionRequests.Where(r => r.Id == requestId && r.Status == RecognitionStatus.Pending).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, status)
            .SetProperty(r => r.UnitId, unitId)
            .SetProperty(r => r.Reason, reason)
            .SetProperty(r => r.DecidedUtc, now), cancellationToken) == 1;
        if (changed)
        {
            await audit.RecordAsync(within, $"recognition.{status.ToString().ToLowerInvariant()}", requestId.ToString(), unitId ?? reason, cancellationToken);
        }

        return changed;
    }

    private sealed class RequestAlreadyDecidedException : Exception;

    /// <summary>The unit the administrator's rules give for this achievement: a rule naming it, else the issuer's catch-all rule.</summary>
    private async Task<string?> ConvertAsync(string issuer, string achievementId, CancellationToken cancellationToken)
    {
        var rules = await db.ConversionRules.AsNoTracking().Where(r => r.IssuerId == issuer
            && (r.AchievementId == achievementId || r.AchievementId == ConversionRule.AnyAchievement)).ToListAsync(cancellationToken);
        return (rules.FirstOrDefault(r => r.AchievementId == achievementId) ?? rules.FirstOrDefault())?.UnitId;
    }

    private static (string Id, string Name, int? Credits) Achievement(JsonElement claims)
    {
        var subject = claims.TryGetProperty("credentialSubject", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
        var achievement = subject.ValueKind == JsonValueKind.Object && subject.TryGetProperty("achievement", out var a) && a.ValueKind == JsonValueKind.Object ? a : default;
        string? Text(JsonElement e, string name) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        int? Number(JsonElement e, string name) => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : null;
        var name = Text(achievement, "name") ?? Text(claims, "name") ?? "?";
        var id = Text(achievement, "id") ?? name;
        return (id[..Math.Min(id.Length, MaxIdLength)], name[..Math.Min(name.Length, 300)], Number(subject, "creditsEarned") ?? Number(achievement, "creditsAvailable"));
    }

    /// <summary>
    /// Whether the credential names this email as its holder: an Open Badges IdentityObject of type emailAddress,
    /// hashed ("sha256$" + hex of SHA-256 over the email and the salt) or plain.
    /// </summary>
    internal static bool IsHeldBy(JsonElement claims, string email)
    {
        if (!claims.TryGetProperty("credentialSubject", out var subject) || subject.ValueKind != JsonValueKind.Object
            || !subject.TryGetProperty("identifier", out var identifiers))
        {
            return false;
        }

        var normalised = email.Trim().ToLowerInvariant();
        if (normalised.Length == 0)
        {
            return false; // an empty address would match a credential issued to anyone without one
        }

        var list = identifiers.ValueKind == JsonValueKind.Array ? identifiers.EnumerateArray().ToList() : [identifiers];
        foreach (var id in list.Where(i => i.ValueKind == JsonValueKind.Object))
        {
            var type = id.TryGetProperty("identityType", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            var value = id.TryGetProperty("identityHash", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString()! : string.Empty;
            var hashed = id.TryGetProperty("hashed", out var x) && x.ValueKind == JsonValueKind.True;
            var salt = id.TryGetProperty("salt", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : string.Empty;
            if (type != "emailAddress")
            {
                continue;
            }

            var matches = hashed
                ? value.StartsWith("sha256$", StringComparison.Ordinal)
                    && CryptographicOperations.FixedTimeEquals(
                        Encoding.ASCII.GetBytes(value[7..].ToLowerInvariant()),
                        Encoding.ASCII.GetBytes(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised + salt)))))
                : value.Trim().Equals(normalised, StringComparison.OrdinalIgnoreCase);
            if (matches)
            {
                return true;
            }
        }

        return false;
    }
}
