using System.Text.Json;
using Literacy.CreditBank.Credentials;
using Literacy.CreditBank.Data;
using Literacy.CreditBank.Ledger;
using Literacy.Modules.Audit;
using Literacy.Modules.Events;
using Literacy.Modules.People;

namespace Literacy.CreditBank.Earning;

/// <summary>
/// Awards a certification unit: one ledger entry and its signed credential, committed together. A learner earns a unit once,
/// however many events or submissions point at it, so every path to a unit shares one source id.
/// </summary>
public sealed class Awards(CreditLedger ledger, CredentialIssuer issuer, IPeople people, IAuditTrail audit)
{
    public static Guid SourceOf(string userId, string unitId) => EventIds.For($"unit-earned:{unitId}:{userId}");

    /// <param name="evidence">What earned it, serialised into the entry as it is.</param>
    public async Task<LedgerAppendResult> AwardAsync(string userId, CertificationUnit unit, EntryKind kind, object evidence, CancellationToken cancellationToken)
    {
        var person = (await people.FindAsync([userId], cancellationToken)).GetValueOrDefault(userId)
            ?? throw new InvalidOperationException($"No person {userId}.");
        var result = await ledger.AppendAsync(
            new LedgerAppend(userId, SourceOf(userId, unit.Id), kind, unit.Id, unit.Credits, JsonSerializer.Serialize(evidence, Evidence)),
            entry => issuer.IssueAsync(entry, unit, person.Email, cancellationToken),
            cancellationToken);
        if (result.Created)
        {
            await audit.RecordAsync("credits.awarded", userId, $"{unit.Id}: {unit.Credits} credits ({kind}), ledger entry {result.Entry.Sequence}", cancellationToken);
        }

        return result;
    }

    private static readonly JsonSerializerOptions Evidence = new(JsonSerializerDefaults.Web);
}
