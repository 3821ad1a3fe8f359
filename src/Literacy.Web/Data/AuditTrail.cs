using System.Security.Claims;
using Literacy.Data;
using Literacy.Modules.Audit;
using Literacy.Modules.Chaining;
using Microsoft.EntityFrameworkCore;

namespace Literacy.Web.Data;

/// <summary>
/// Appends audit entries to the chain. Inside a caller's open transaction the entry joins it, whichever module's context
/// holds it (all share one database), so that the action and its record commit together: an award and its line, a role
/// change and its line. Otherwise it goes through a group commit, so that a burst of audited actions shares commits.
/// Either way the entry is durable when the action is. Entries are written with plain SQL on the caller's connection,
/// after taking the chain's turn: SQLite's write lock, or on PostgreSQL a transaction-scoped advisory lock, so that two
/// nodes never append after the same head.
/// </summary>
public sealed class AuditTrail(PlatformDbContext db, GroupCommit<PlatformDbContext> commits, IHttpContextAccessor http, TimeProvider clock) : IAuditTrail
{
    /// <summary>The advisory lock that orders appends on PostgreSQL ("audit" in ASCII).</summary>
    private const long ChainLock = 0x6175646974;

    public Task RecordAsync(string action, string target, string? details = null, CancellationToken cancellationToken = default) =>
        db.Database.CurrentTransaction is not null
            ? RecordAsync(db, action, target, details, cancellationToken)
            : commits.RunAsync(async writer =>
            {
                await RecordAsync(writer, action, target, details, cancellationToken);
                return true;
            }, cancellationToken);

    public async Task RecordAsync(DbContext within, string action, string target, string? details = null, CancellationToken cancellationToken = default)
    {
        if (within.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("An audit entry joins the caller's transaction: begin one on this context first.");
        }

        var database = within.Database;
        if (!database.IsSqlite())
        {
            await database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ChainLock})", cancellationToken);
        }

        var head = (await database.SqlQuery<ChainHead>(
            $"""SELECT "Sequence", "Hash" FROM "AuditEntries" ORDER BY "Sequence" DESC LIMIT 1""").ToListAsync(cancellationToken)).FirstOrDefault();
        var now = clock.GetUtcNow().UtcTicks;
        var entry = new AuditEntry
        {
            Sequence = (head?.Sequence ?? 0) + 1,
            AtUtc = new DateTime(now - now % 10, DateTimeKind.Utc),
            ActorId = http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier),
            Action = action,
            Target = target,
            Details = details,
            PreviousHash = head?.Hash ?? ChainLine.Genesis,
        };
        entry.Hash = AuditHash.Of(entry);
        await database.ExecuteSqlAsync(
            $"""
            INSERT INTO "AuditEntries" ("Sequence", "AtUtc", "ActorId", "Action", "Target", "Details", "PreviousHash", "Hash")
            VALUES ({entry.Sequence}, {entry.AtUtc}, {entry.ActorId}, {entry.Action}, {entry.Target}, {entry.Details}, {entry.PreviousHash}, {entry.Hash})
            """,
            cancellationToken);
    }

    private sealed record ChainHead(long Sequence, string Hash);
}
