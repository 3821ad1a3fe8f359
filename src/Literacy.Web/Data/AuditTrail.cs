using System.Security.Claims;
using Literacy.Data;
using Literacy.Modules.Audit;
using Literacy.Modules.Chaining;
using Microsoft.EntityFrameworkCore;

namespace Literacy.Web.Data;

/// <summary>
/// Appends audit entries to the chain. Inside a caller's open transaction on the platform database (a role change), the
/// entry joins it, so that the action and its record commit together. Otherwise it goes through a group commit, so that a
/// burst of audited actions (awards in a busy hour) shares commits. Either way the entry is durable when the call returns.
/// Two nodes that append at once collide on the unique sequence; the group commit runs the loser again on the new head.
/// </summary>
public sealed class AuditTrail(PlatformDbContext db, GroupCommit<PlatformDbContext> commits, IHttpContextAccessor http, TimeProvider clock) : IAuditTrail
{
    public async Task RecordAsync(string action, string target, string? details = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcTicks;
        var actorId = http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
        // A new entry for each attempt: one from a rolled-back batch may carry the key it was given.
        AuditEntry Entry() => new()
        {
            AtUtc = new DateTime(now - now % 10, DateTimeKind.Utc),
            ActorId = actorId,
            Action = action,
            Target = target,
            Details = details,
        };
        if (db.Database.CurrentTransaction is not null)
        {
            await AppendAsync(db, Entry(), cancellationToken);
            return;
        }

        await commits.RunAsync(async writer =>
        {
            await AppendAsync(writer, Entry(), cancellationToken);
            return true;
        }, cancellationToken);
    }

    private static async Task AppendAsync(PlatformDbContext context, AuditEntry entry, CancellationToken cancellationToken)
    {
        var head = await context.AuditEntries.AsNoTracking().OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(cancellationToken);
        entry.Sequence = (head?.Sequence ?? 0) + 1;
        entry.PreviousHash = head?.Hash ?? ChainLine.Genesis;
        entry.Hash = AuditHash.Of(entry);
        context.AuditEntries.Add(entry);
        await context.SaveChangesAsync(cancellationToken);
    }
}
