using System.Collections.Concurrent;
using Literacy.Data;
using Literacy.LiveClasses.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.LiveClasses.Attendance;

/// <summary>Someone connected to a classroom through this node.</summary>
public sealed record Participant(string ConnectionId, string ClassId, string UserId, string Name, bool Staff, long SegmentId);

/// <summary>
/// Who is connected to which classroom through this node, and the attendance segment each connection writes:
/// opened at join, closed at leave, its last-seen time refreshed while it lives so that a node's crash leaves no ghost.
/// </summary>
public sealed class AttendanceLog(GroupCommit<LiveClassesDbContext> writer, IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>A segment not refreshed for this long belongs to a connection that is gone.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(90);

    private readonly ConcurrentDictionary<string, Participant> connections = new();

    public Participant? Of(string connectionId) => connections.GetValueOrDefault(connectionId);

    public int LearnersPresent(string classId) =>
        connections.Values.Where(p => p.ClassId == classId && !p.Staff).Select(p => p.UserId).Distinct().Count();

    public bool IsPresent(string classId, string userId) =>
        connections.Values.Any(p => p.ClassId == classId && p.UserId == userId);

    public async Task<Participant> JoinAsync(string connectionId, string classId, string userId, string name, bool staff)
    {
        if (connections.TryGetValue(connectionId, out var existing) && existing.ClassId == classId)
        {
            return existing; // the same connection joining again: one segment
        }

        await LeaveAsync(connectionId);
        var now = clock.GetUtcNow().UtcDateTime;
        var segmentId = await writer.RunAsync(async db =>
        {
            var segment = new AttendanceSegment { ClassId = classId, UserId = userId, JoinedUtc = now, LastSeenUtc = now };
            db.Segments.Add(segment);
            await db.SaveChangesAsync();
            return segment.Id;
        }, CancellationToken.None);
        var participant = new Participant(connectionId, classId, userId, name, staff, segmentId);
        connections[connectionId] = participant;
        return participant;
    }

    public async Task<Participant?> LeaveAsync(string connectionId)
    {
        if (!connections.TryRemove(connectionId, out var participant))
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await writer.RunAsync(db => db.Segments.Where(s => s.Id == participant.SegmentId && s.LeftUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LeftUtc, now).SetProperty(x => x.LastSeenUtc, now)), CancellationToken.None);
        return participant;
    }

    /// <summary>Who is in the class now, through any node: open segments that are not stale.</summary>
    public async Task<IReadOnlyList<string>> PresentAsync(string classId, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().UtcDateTime - StaleAfter;
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LiveClassesDbContext>().Segments.AsNoTracking()
            .Where(s => s.ClassId == classId && s.LeftUtc == null && s.LastSeenUtc >= since)
            .Select(s => s.UserId).Distinct().ToListAsync(cancellationToken);
    }

    /// <summary>Marks this node's live connections as still there.</summary>
    public async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        var ids = connections.Values.Select(p => p.SegmentId).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var chunk in ids.Chunk(500))
        {
            await writer.RunAsync(db => db.Segments.Where(s => chunk.Contains(s.Id) && s.LeftUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenUtc, now)), cancellationToken);
        }
    }

    /// <summary>Ends segments whose connection went away without a goodbye (a node that crashed), where they were last seen.</summary>
    public Task<int> CloseGhostsAsync(CancellationToken cancellationToken)
    {
        var staleBefore = clock.GetUtcNow().UtcDateTime - StaleAfter;
        return writer.RunAsync(db => db.Segments.Where(s => s.LeftUtc == null && s.LastSeenUtc < staleBefore)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LeftUtc, x => x.LastSeenUtc)), cancellationToken);
    }
}
