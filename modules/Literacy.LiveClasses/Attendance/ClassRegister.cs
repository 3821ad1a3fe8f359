using Literacy.LiveClasses.Data;
using Literacy.Modules.People;
using Microsoft.EntityFrameworkCore;

namespace Literacy.LiveClasses.Attendance;

/// <summary>One signed-up learner's line in the register.</summary>
public sealed record RegisterLine(string UserId, string Name, DateTime SignedUpUtc, int Minutes, int Connections, DateTime? FirstJoinedUtc, DateTime? LastLeftUtc);

/// <summary>
/// The class register: every signed-up learner with their attended minutes. For an ended class these are the counted
/// minutes (what earned credits); for a class under way, the minutes so far.
/// </summary>
public sealed class ClassRegister(LiveClassesDbContext db, IPeople people, TimeProvider clock)
{
    public async Task<IReadOnlyList<RegisterLine>> ForAsync(LiveClass c, CancellationToken cancellationToken)
    {
        var signUps = await db.SignUps.AsNoTracking().Where(s => s.ClassId == c.Id).ToListAsync(cancellationToken);
        var segments = (await db.Segments.AsNoTracking().Where(s => s.ClassId == c.Id).ToListAsync(cancellationToken)).ToLookup(s => s.UserId);
        var counted = await db.Attendances.AsNoTracking().Where(a => a.ClassId == c.Id).ToDictionaryAsync(a => a.UserId, cancellationToken);
        var names = await people.FindAsync(signUps.Select(s => s.UserId), cancellationToken);
        var end = c.EndedUtc ?? clock.GetUtcNow().UtcDateTime;
        return signUps.Select(s =>
            {
                var own = segments[s.UserId].ToList();
                var spans = own.Select(x => (x.JoinedUtc, x.LeftUtc ?? end)).ToList();
                var minutes = counted.TryGetValue(s.UserId, out var a) ? a.Minutes : ConnectedTime.Minutes(spans, c.StartUtc, end);
                return new RegisterLine(
                    s.UserId, names.GetValueOrDefault(s.UserId)?.DisplayName ?? "—", s.SignedUpUtc, minutes, own.Count,
                    own.Count > 0 ? own.Min(x => x.JoinedUtc) : null, own.Count > 0 ? spans.Max(x => x.Item2) : null);
            })
            .OrderBy(l => l.Name, StringComparer.CurrentCulture).ToList();
    }
}
