using System.Text.Json;
using Literacy.CreditBank.Data;
using Literacy.CreditBank.Ledger;
using Literacy.Modules.Audit;
using Literacy.Modules.Events;
using Microsoft.EntityFrameworkCore;

namespace Literacy.CreditBank.Credentials;

/// <summary>
/// Revokes a credential: its bit in the status list is set, and a compensating ledger entry takes its credits back,
/// with its audit line, all in one commit. The original entry stays, as the ledger never changes an entry.
/// </summary>
public sealed class Revocations(CreditBankDbContext db, CreditLedger ledger, StatusList statusList, IAuditTrail audit, TimeProvider clock)
{
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
}
