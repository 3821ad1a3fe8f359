using System.Text.Json;
using Literacy.CreditBank.Data;
using Literacy.CreditBank.Earning;
using Literacy.CreditBank.Ledger;
using Literacy.Modules.Audit;
using Literacy.Modules.Events;
using Literacy.Modules.People;
using Microsoft.EntityFrameworkCore;

namespace Literacy.CreditBank.Credentials;

public enum ReissueOutcome
{
    Issued,
    AlreadyIssued,
    NotRevoked,
    HolderGone,
}

/// <summary>
/// Revokes a credential: its bit in the status list is set, and a compensating ledger entry takes its credits back,
/// with its audit line, all in one commit. The original entry stays, as the ledger never changes an entry.
/// A revocation made by mistake is not undone (a revoked credential stays revoked for whoever checks it): the unit is
/// issued again, as a new credential and a new entry that gives the credits back.
/// </summary>
public sealed class Revocations(CreditBankDbContext db, CreditLedger ledger, Awards awards, IPeople people, StatusList statusList, IAuditTrail audit, TimeProvider clock)
{
    /// <summary>The cause of issuing a revoked credential's unit again: once per revoked credential.</summary>
    public static Guid ReissueOf(Guid revokedCredentialId) => EventIds.For($"reissued:{revokedCredentialId}");

    public async Task<bool> RevokeAsync(Guid credentialId, string reason, CancellationToken cancellationToken)
    {
        var credential = await db.Credentials.AsNoTracking().FirstOrDefaultAsync(c => c.Id == credentialId, cancellationToken);
        if (credential is null || credential.RevokedUtc is not null)
        {
            return false;
        }

        var original = await db.Entries.AsNoTracking().FirstAsync(e => e.Id == credential.LedgerEntryId, cancellationToken);
        var userId = await db.Accounts.Where(a => a.Id == credential.AccountId).Select(a => a.UserId).FirstAsync(cancellationToken);
        var evidence = JsonSerializer.Serialize(new { type = "revocation", credentialId, corrects = original.Sequence, reason });
        var result = await ledger.AppendAsync(
            new LedgerAppend(userId, EventIds.For($"revoked:{credentialId}"), EntryKind.Correction, original.UnitId, -original.Credits, evidence),
            async (writer, _) =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                await writer.Credentials.Where(c => c.Id == credentialId && c.RevokedUtc == null).ExecuteUpdateAsync(
                    s => s.SetProperty(c => c.RevokedUtc, now).SetProperty(c => c.RevocationReason, reason), cancellationToken);
                await audit.RecordAsync(writer, "credential.revoked", credentialId.ToString(), reason, cancellationToken);
            },
            cancellationToken);
        statusList.Forget(credential.StatusIndex);
        return result.Created;
    }

    public async Task<ReissueOutcome> ReissueAsync(Guid credentialId, string reason, CancellationToken cancellationToken)
    {
        var credential = await db.Credentials.AsNoTracking().FirstOrDefaultAsync(c => c.Id == credentialId, cancellationToken);
        if (credential?.RevokedUtc is null)
        {
            return ReissueOutcome.NotRevoked;
        }

        var userId = await db.Accounts.Where(a => a.Id == credential.AccountId).Select(a => a.UserId).FirstAsync(cancellationToken);
        if ((await people.FindAsync([userId], cancellationToken)).Count == 0)
        {
            return ReissueOutcome.HolderGone; // the learner deleted their account: there is nobody to give it to
        }

        var unit = await db.Units.AsNoTracking().FirstAsync(u => u.Id == credential.UnitId, cancellationToken);
        // The credits the revocation took back, even if the unit is worth another amount now (a detached copy: nothing saves it).
        unit.Credits = await db.Entries.Where(e => e.Id == credential.LedgerEntryId).Select(e => e.Credits).FirstAsync(cancellationToken);
        var result = await awards.AwardAsync(userId, unit, EntryKind.Award, new { type = "reissue", credentialId, reason }, cancellationToken,
            within: writer => audit.RecordAsync(writer, "credential.reissued", credentialId.ToString(), reason, cancellationToken),
            source: ReissueOf(credentialId));
        return result.Created ? ReissueOutcome.Issued : ReissueOutcome.AlreadyIssued;
    }
}
