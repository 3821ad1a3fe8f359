using Literacy.CreditBank.Data;
using Literacy.Modules.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Literacy.CreditBank.Privacy;

/// <summary>
/// A learner's learning account, ledger, credentials, recognition requests and counted class minutes. Erasing keeps the
/// ledger and the credentials whole, since the ledger is hash-chained and certificates already handed out must stay
/// checkable, but gives the account a random owner that no person has: nothing then leads from them to anyone.
/// </summary>
public sealed class CreditBankPersonalData(CreditBankDbContext db, IStringLocalizer<CreditBankModule> T) : IPersonalData
{
    /// <summary>The owner an erased account is given: unique, and never a user's id.</summary>
    public static string ErasedOwner() => $"erased:{Guid.NewGuid():N}";

    public async Task<PersonalDataPart> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var accounts = await db.Accounts.AsNoTracking().Where(a => a.UserId == userId).ToListAsync(cancellationToken);
        var ids = accounts.Select(a => a.Id).ToList();
        var entries = await db.Entries.AsNoTracking().Where(e => ids.Contains(e.AccountId)).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var credentials = await db.Credentials.AsNoTracking().Where(c => ids.Contains(c.AccountId)).OrderBy(c => c.IssuedUtc).ToListAsync(cancellationToken);
        var requests = await db.RecognitionRequests.AsNoTracking().Where(r => r.UserId == userId).OrderBy(r => r.SubmittedUtc).ToListAsync(cancellationToken);
        var minutes = await db.AttendedClasses.AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.EndedUtc).ToListAsync(cancellationToken);
        return new PersonalDataPart("credit-bank", T["Credit bank"], [
            PersonalDataTables.Of("account", T["Your learning account"], accounts,
                new("id", T["Account number"], a => a.Id),
                new("opened", T["Opened (UTC)"], a => a.OpenedUtc)),
            PersonalDataTables.Of("ledger", T["Your credits, entry by entry"], entries,
                new("sequence", T["No."], e => e.Sequence),
                new("recorded", T["When (UTC)"], e => e.RecordedUtc),
                new("kind", T["Kind"], e => e.Kind),
                new("unit", T["Unit"], e => e.UnitId),
                new("credits", T["Credits"], e => e.Credits),
                new("evidence", T["Evidence"], e => e.Evidence)),
            PersonalDataTables.Of("credentials", T["Your certificates"], credentials,
                new("id", T["Certificate number"], c => c.Id),
                new("unit", T["Unit"], c => c.UnitId),
                new("issued", T["Issued (UTC)"], c => c.IssuedUtc),
                new("revoked", T["Revoked (UTC)"], c => c.RevokedUtc),
                new("credential", T["The signed certificate"], c => c.Jwt)),
            PersonalDataTables.Of("recognition", T["Certificates you asked us to recognise"], requests,
                new("submitted", T["Sent (UTC)"], r => r.SubmittedUtc),
                new("issuer", T["Issuer"], r => r.IssuerId),
                new("achievement", T["Achievement"], r => r.AchievementName),
                new("status", T["Status"], r => r.Status),
                new("credential", T["The certificate you sent"], r => r.Jwt)),
            PersonalDataTables.Of("class-minutes", T["Live-class minutes counted for credits"], minutes,
                new("class", T["Class"], a => a.ClassId),
                new("minutes", T["Minutes"], a => a.Minutes),
                new("ended", T["Ended (UTC)"], a => a.EndedUtc)),
        ]);
    }

    public async Task EraseAsync(string userId, CancellationToken cancellationToken)
    {
        foreach (var account in await db.Accounts.Where(a => a.UserId == userId).ToListAsync(cancellationToken))
        {
            account.UserId = ErasedOwner();
        }

        await db.SaveChangesAsync(cancellationToken);
        await db.RecognitionRequests.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.AttendedClasses.Where(a => a.UserId == userId).ExecuteDeleteAsync(cancellationToken);
    }
}
