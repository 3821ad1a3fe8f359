using System.Text.RegularExpressions;
using Literacy.CreditBank.Credentials;
using Literacy.CreditBank.Data;
using Literacy.Modules.People;
using Microsoft.EntityFrameworkCore;

namespace Literacy.CreditBank.Admin;

/// <summary>A certificate as an administrator sees it: whose it is, and whether it was revoked and issued again.</summary>
public sealed record CredentialRow(
    Guid Id, string UnitTitle, DateTime IssuedUtc, DateTime? RevokedUtc, string? RevocationReason, bool IssuedAgain, Person? Holder);

/// <summary>
/// Finds certificates for an administrator who must act on one: from the link or QR code an employer or the learner
/// brings (that learner's certificates), or from the learner's email address; and the latest ones.
/// </summary>
public sealed partial class CredentialSearch(CreditBankDbContext db, IPeople people)
{
    public Task<IReadOnlyList<CredentialRow>> LatestAsync(int count, string culture, CancellationToken cancellationToken) =>
        RowsAsync(db.Credentials.OrderByDescending(c => c.IssuedUtc).Take(count), culture, cancellationToken);

    public async Task<IReadOnlyList<CredentialRow>> FindAsync(string find, string culture, CancellationToken cancellationToken)
    {
        Guid? account = null;
        if (CredentialId().Match(find) is { Success: true } id)
        {
            var credentialId = Guid.Parse(id.Value);
            account = await db.Credentials.Where(c => c.Id == credentialId).Select(c => (Guid?)c.AccountId).FirstOrDefaultAsync(cancellationToken);
        }
        else if (find.Contains('@', StringComparison.Ordinal) && await people.FindByEmailAsync(find.Trim(), cancellationToken) is { } person)
        {
            account = await db.Accounts.Where(a => a.UserId == person.Id).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
        }

        return account is null ? [] : await RowsAsync(db.Credentials.Where(c => c.AccountId == account).OrderByDescending(c => c.IssuedUtc), culture, cancellationToken);
    }

    private async Task<IReadOnlyList<CredentialRow>> RowsAsync(IQueryable<IssuedCredential> credentials, string culture, CancellationToken cancellationToken)
    {
        var found = await credentials.AsNoTracking()
            .Select(c => new { c.Id, c.UnitId, c.IssuedUtc, c.RevokedUtc, c.RevocationReason, UserId = db.Accounts.Where(a => a.Id == c.AccountId).Select(a => a.UserId).First() })
            .ToListAsync(cancellationToken);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Title(culture), cancellationToken);
        var holders = await people.FindAsync(found.Select(c => c.UserId).Distinct(), cancellationToken);
        var reissues = found.Where(c => c.RevokedUtc is not null).Select(c => Revocations.ReissueOf(c.Id)).ToList();
        var reissued = (await db.Entries.Where(e => reissues.Contains(e.SourceId)).Select(e => e.SourceId).ToListAsync(cancellationToken)).ToHashSet();
        return found.Select(c => new CredentialRow(c.Id, units.GetValueOrDefault(c.UnitId, c.UnitId), c.IssuedUtc, c.RevokedUtc, c.RevocationReason,
            reissued.Contains(Revocations.ReissueOf(c.Id)), holders.GetValueOrDefault(c.UserId))).ToList();
    }

    /// <summary>A credential's id, alone or inside its verification link (/credentials/{id}, /certificate, /credential.jwt).</summary>
    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex CredentialId();
}
