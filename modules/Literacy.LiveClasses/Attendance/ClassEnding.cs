using Literacy.Data;
using Literacy.LiveClasses.Classroom;
using Literacy.LiveClasses.Data;
using Literacy.Modules.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Literacy.LiveClasses.Attendance;

/// <summary>
/// Ends a class (the trainer, or the clock) and counts each signed-up learner's attendance once; then tells the credit
/// bank. Every step can run again — after a crash, or on two nodes at once — without counting anything twice.
/// </summary>
public sealed class ClassEnding(Classrooms classrooms, GroupCommit<LiveClassesDbContext> writer, IServiceScopeFactory scopes, TimeProvider clock, ILogger<ClassEnding> logger)
{
    /// <summary>Ends the class if it is still going. False if there is no such class.</summary>
    public async Task<bool> EndAsync(string classId, CancellationToken cancellationToken)
    {
        var ended = await classrooms.InRoomAsync(classId, async room =>
        {
            var at = room.Class.EndedUtc;
            if (at is null)
            {
                at = room.State.EndedUtc ?? (await room.AppendAsync(new ClassEnded())).AtUtc;
                var endedUtc = at.Value;
                await writer.RunAsync(db => db.Classes.Where(c => c.Id == classId && c.EndedUtc == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.EndedUtc, endedUtc)), CancellationToken.None);
            }

            return (DateTime?)at;
        }, cancellationToken);
        if (ended is not { } endedAt)
        {
            return false;
        }

        classrooms.Forget(classId);
        await writer.RunAsync(db => db.Segments.Where(s => s.ClassId == classId && s.LeftUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LeftUtc, endedAt)), CancellationToken.None);
        try
        {
            await CountAsync(classId, cancellationToken);
            await ReportAsync(classId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The class has ended, so the trainer's "end" has succeeded. What could not be done now (the database or the
            // credit bank refused a write) the classroom sweeper does within half a minute: it counts an ended class's
            // attendance that nobody counted, and tells the credit bank what it was not told.
            logger.LogWarning(e, "The attendance of class {ClassId} could not be counted or told to the credit bank yet; the classroom sweeper does it.", classId);
        }

        return true;
    }

    private async Task CountAsync(string classId, CancellationToken cancellationToken)
    {
        await writer.RunAsync(async db =>
        {
            var c = await db.Classes.AsNoTracking().Include(x => x.SignUps).SingleAsync(x => x.Id == classId);
            if (await db.Attendances.AnyAsync(a => a.ClassId == classId))
            {
                return 0; // counted already
            }

            var segments = await db.Segments.AsNoTracking().Where(s => s.ClassId == classId).ToListAsync();
            foreach (var signUp in c.SignUps.Where(s => s.UserId != c.TrainerId))
            {
                var own = segments.Where(s => s.UserId == signUp.UserId).Select(s => (s.JoinedUtc, s.LeftUtc ?? s.LastSeenUtc)).ToList();
                db.Attendances.Add(new Data.Attendance
                {
                    ClassId = classId,
                    UserId = signUp.UserId,
                    Minutes = ConnectedTime.Minutes(own, c.StartUtc, c.EndedUtc!.Value),
                    FirstJoinedUtc = own.Count > 0 ? own.Min(s => s.JoinedUtc) : null,
                    LastLeftUtc = own.Count > 0 ? own.Max(s => s.Item2) : null,
                });
            }

            return await db.SaveChangesAsync();
        }, cancellationToken);
    }

    /// <summary>Tells the credit bank about attendance it has not heard of yet. Its rule counts each class once per learner.</summary>
    public async Task ReportAsync(string classId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiveClassesDbContext>();
        var c = await db.Classes.AsNoTracking().SingleAsync(x => x.Id == classId, cancellationToken);
        var pending = await db.Attendances.AsNoTracking().Where(a => a.ClassId == classId && a.ReportedUtc == null).ToListAsync(cancellationToken);
        var events = scope.ServiceProvider.GetRequiredService<DomainEvents>();
        foreach (var a in pending)
        {
            if (a.Minutes > 0)
            {
                await events.PublishAsync(new LiveClassAttended(EventIds.For($"live-class-attended:{classId}:{a.UserId}"), a.UserId, classId, c.Title, a.Minutes, c.EndedUtc!.Value), cancellationToken);
            }

            await writer.RunAsync(d => d.Attendances.Where(x => x.ClassId == classId && x.UserId == a.UserId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ReportedUtc, clock.GetUtcNow().UtcDateTime)), cancellationToken);
        }
    }
}
