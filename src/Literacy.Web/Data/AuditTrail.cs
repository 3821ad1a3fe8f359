using System.Security.Claims;
using Literacy.Modules.Audit;

namespace Literacy.Web.Data;

public sealed class AuditTrail(PlatformDbContext db, IHttpContextAccessor http) : IAuditTrail
{
    public async Task RecordAsync(string action, string target, string? details = null, CancellationToken cancellationToken = default)
    {
        var user = http.HttpContext?.User;
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = DateTime.UtcNow,
            ActorId = user?.FindFirstValue(ClaimTypes.NameIdentifier),
            ActorName = user?.Identity?.Name ?? "system",
            Action = action,
            Target = target,
            Details = details,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
