using System.Security.Claims;
using Literacy.Data;
using Literacy.Modules.Audit;

namespace Literacy.Web.Data;

/// <summary>
/// Writes audit entries. Inside a caller's open transaction on the platform database (a role change), the entry joins it,
/// so that the action and its record commit together. Otherwise it goes through a group commit, so that a burst of audited
/// actions (awards in a busy hour) shares commits. Either way the entry is durable when the call returns.
/// </summary>
public sealed class AuditTrail(PlatformDbContext db, GroupCommit<PlatformDbContext> commits, IHttpContextAccessor http) : IAuditTrail
{
    public async Task RecordAsync(string action, string target, string? details = null, CancellationToken cancellationToken = default)
    {
        var user = http.HttpContext?.User;
        var entry = new AuditEntry
        {
            AtUtc = DateTime.UtcNow,
            ActorId = user?.FindFirstValue(ClaimTypes.NameIdentifier),
            ActorName = user?.Identity?.Name ?? "system",
            Action = action,
            Target = target,
            Details = details,
        };
        if (db.Database.CurrentTransaction is not null)
        {
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        await commits.RunAsync(async writer =>
        {
            writer.AuditEntries.Add(entry);
            return await writer.SaveChangesAsync();
        }, cancellationToken);
    }
}
