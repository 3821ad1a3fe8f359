using Literacy.LiveClasses.Data;
using Literacy.Modules.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Literacy.LiveClasses.Attendance;

/// <summary>
/// Every half minute: marks this node's connections as alive, closes segments that nobody keeps alive (ghosts of a
/// crashed node), ends classes their trainer forgot to end, counts the attendance of ended classes that nobody counted
/// (the count failed after the class ended), and retells the credit bank anything it missed.
/// </summary>
public sealed class ClassroomSweeper(
    AttendanceLog attendance,
    ClassEnding ending,
    IServiceScopeFactory scopes,
    SiteState site,
    TimeProvider clock,
    IOptions<LiveClassOptions> options,
    ILogger<ClassroomSweeper> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    /// <summary>How far back an ended class with no attendance counted is looked for: longer than any outage nobody notices.</summary>
    private static readonly TimeSpan UncountedWithin = TimeSpan.FromDays(7);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Classroom sweep failed; trying again in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        await attendance.HeartbeatAsync(cancellationToken);
        await attendance.CloseGhostsAsync(cancellationToken);
        if (!site.IsEnabled(LiveClassesModule.Id))
        {
            return;
        }

        var overdue = clock.GetUtcNow().UtcDateTime - options.Value.EndsAfterSchedule;
        var recently = clock.GetUtcNow().UtcDateTime - UncountedWithin;
        List<string> toEnd, toReport;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LiveClassesDbContext>();
            toEnd = (await db.Classes.AsNoTracking().Where(c => c.EndedUtc == null && c.StartUtc < overdue)
                .Select(c => new { c.Id, c.StartUtc, c.DurationMinutes }).ToListAsync(cancellationToken))
                .Where(c => c.StartUtc.AddMinutes(c.DurationMinutes) < overdue).Select(c => c.Id).ToList();
            // Ended (lately) with learners signed up and no attendance counted: ending again counts it, and nothing twice.
            toEnd.AddRange(await db.Classes.AsNoTracking()
                .Where(c => c.EndedUtc > recently && c.SignUps.Any(s => s.UserId != c.TrainerId) && !db.Attendances.Any(a => a.ClassId == c.Id))
                .Select(c => c.Id).ToListAsync(cancellationToken));
            toReport = await db.Attendances.AsNoTracking().Where(a => a.ReportedUtc == null).Select(a => a.ClassId).Distinct().ToListAsync(cancellationToken);
        }

        foreach (var classId in toEnd)
        {
            await ending.EndAsync(classId, cancellationToken);
        }

        foreach (var classId in toReport.Except(toEnd))
        {
            await ending.ReportAsync(classId, cancellationToken);
        }
    }
}
