using System.Text.Json;
using Literacy.CreditBank.Credentials;
using Literacy.CreditBank.Data;
using Literacy.CreditBank.Emails;
using Literacy.CreditBank.Ledger;
using Literacy.Modules.Audit;
using Literacy.Modules.Email;
using Literacy.Modules.Events;
using Literacy.Modules.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Literacy.CreditBank.Earning;

/// <summary>
/// Awards a certification unit: one ledger entry, its signed credential, its certificate email, its audit line and what
/// other modules record of it (<see cref="UnitEarned"/>), committed together. A learner earns a unit once,
/// however many events or submissions point at it, so every path to a unit shares one source id.
/// </summary>
public sealed class Awards(CreditLedger ledger, CredentialIssuer issuer, IPeople people, IEmails emails, IOptions<CreditBankOptions> options, IAuditTrail audit, DomainEvents events, TimeProvider clock)
{
    public static Guid SourceOf(string userId, string unitId) => EventIds.For($"unit-earned:{unitId}:{userId}");

    /// <param name="evidence">What earned it, serialised into the entry as it is.</param>
    /// <param name="within">More to write in the award's transaction (a recognition request's decision); when it throws, nothing is written.</param>
    /// <param name="source">The cause, when it is not the first earning of the unit (<see cref="SourceOf"/>): issuing a revoked unit again.</param>
    public async Task<LedgerAppendResult> AwardAsync(
        string userId, CertificationUnit unit, EntryKind kind, object evidence, CancellationToken cancellationToken, Func<CreditBankDbContext, Task>? within = null, Guid? source = null)
    {
        var first = SourceOf(userId, unit.Id);
        var cause = source ?? first;
        var person = (await people.FindAsync([userId], cancellationToken)).GetValueOrDefault(userId)
            ?? throw new InvalidOperationException($"No person {userId}.");
        var at = LedgerHash.Microseconds(clock.GetUtcNow());
        // Signed before the ledger's transaction, so that signing does not hold the write lock.
        var credential = await issuer.PrepareAsync(unit, person.Email, at, cancellationToken);
        var result = await ledger.AppendAsync(
            new LedgerAppend(userId, cause, kind, unit.Id, unit.Credits, JsonSerializer.Serialize(evidence, Evidence), at),
            async (writer, entry) =>
            {
                // Its random status bit may be another credential's (a list fills to half): draw again until it is free, since
                // a taken bit would fail the insert and with it every award sharing this commit.
                while (await writer.Credentials.AnyAsync(c => c.StatusIndex == credential.StatusIndex, cancellationToken))
                {
                    credential = await issuer.PrepareAsync(unit, person.Email, at, cancellationToken);
                }

                credential.AccountId = entry.AccountId;
                credential.Entry = entry;
                writer.Credentials.Add(credential);
                var link = new Uri(options.Value.BaseUri, $"credentials/{credential.Id}").ToString();
                await emails.QueueAsync(writer, userId, new CertificateEmail(unit.TitleZh, unit.TitleEn, unit.Credits, link, link + "/certificate"),
                    $"certificate:{credential.Id}", cancellationToken);
                await audit.RecordAsync(writer, "credits.awarded", userId, $"{unit.Id}: {unit.Credits} credits ({kind}), ledger entry {entry.Sequence}", cancellationToken);
                if (cause == first) // issued again after a revocation, it is the same unit earned, not a second one
                {
                    await events.RecordWithinAsync(writer, new UnitEarned(cause, userId, unit.Id, unit.Area, unit.Level, unit.Credits, at), cancellationToken);
                }

                if (within is not null)
                {
                    await within(writer);
                }
            },
            cancellationToken);
        return result;
    }

    private static readonly JsonSerializerOptions Evidence = new(JsonSerializerDefaults.Web);
}
