using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Literacy.Modules.Audit;
using Literacy.Modules.Permissions;
using Literacy.Web.Data;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Literacy.Web.Accounts;

/// <summary>
/// Issues, revokes and checks QR sign-in cards. A card's link carries 256 random bits; the database keeps their SHA-256
/// only, which is enough (nobody guesses 256 bits, so there is nothing for a salt or a slow hash to protect).
/// </summary>
public sealed class SignInCards(PlatformDbContext db, IAuditTrail audit, PermissionCatalog permissions, TimeProvider clock)
{
    /// <summary>
    /// The in-person registrations whose learners the user may handle (their cards, email address and account): those the
    /// user registered, or every one for an administrator. A card signs its holder in, so nobody else's learners are reachable.
    /// </summary>
    public IQueryable<RecordedConsent> RegisteredBy(ClaimsPrincipal user)
    {
        if (permissions.IsGranted(user, HostPermissions.ManageAllSignInCards))
        {
            return db.RecordedConsents;
        }

        var trainerId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return db.RecordedConsents.Where(c => c.RecordedById == trainerId);
    }

    /// <summary>A learner the user may handle (see <see cref="RegisteredBy"/>), or null: shown as not found, so others stay unseen.</summary>
    public async Task<PlatformUser?> LearnerAsync(ClaimsPrincipal user, string userId, CancellationToken cancellationToken) =>
        await RegisteredBy(user).AnyAsync(c => c.UserId == userId, cancellationToken) ? await db.Users.FindAsync([userId], cancellationToken) : null;

    /// <summary>Revokes the learner's cards and issues a new one, in one transaction (the caller's, if open); returns the secret for the card's link.</summary>
    public async Task<string> IssueAsync(PlatformUser learner, string issuedById, CancellationToken cancellationToken)
    {
        var secret = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var replaced = await RevokeActiveAsync(learner.Id, issuedById, now, cancellationToken);
        db.SignInCards.Add(new SignInCard { Id = Guid.NewGuid(), UserId = learner.Id, SecretHash = Hash(secret), IssuedUtc = now, IssuedById = issuedById });
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("signin-card.issued", learner.Id, replaced > 0 ? $"{learner.DisplayName}: a new card; the old one stopped working" : learner.DisplayName, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return secret;
    }

    /// <summary>Stops every card of the learner at once. Returns how many were active.</summary>
    public async Task<int> RevokeAsync(PlatformUser learner, string revokedById, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var revoked = await RevokeActiveAsync(learner.Id, revokedById, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("signin-card.revoked", learner.Id, learner.DisplayName, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return revoked;
    }

    /// <summary>The id of the learner whose active card has this secret, or null for a forged, mistyped or revoked card.</summary>
    public async Task<string?> HolderAsync(string secret, CancellationToken cancellationToken)
    {
        if (secret.Length is < 40 or > 60)
        {
            return null;
        }

        var hash = Hash(secret);
        return await db.SignInCards.Where(c => c.SecretHash == hash && c.RevokedUtc == null).Select(c => c.UserId).SingleOrDefaultAsync(cancellationToken);
    }

    public Task<bool> HasActiveCardAsync(string userId, CancellationToken cancellationToken) =>
        db.SignInCards.AnyAsync(c => c.UserId == userId && c.RevokedUtc == null, cancellationToken);

    private async Task<int> RevokeActiveAsync(string userId, string byId, DateTime now, CancellationToken cancellationToken)
    {
        var active = await db.SignInCards.Where(c => c.UserId == userId && c.RevokedUtc == null).ToListAsync(cancellationToken);
        foreach (var card in active)
        {
            card.RevokedUtc = now;
            card.RevokedById = byId;
        }

        if (active.Count > 0)
        {
            // Whoever signed in with a stopped card (a finder, maybe) is signed out at their session's next security check.
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, Guid.NewGuid().ToString("N")), cancellationToken);
        }

        return active.Count;
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
