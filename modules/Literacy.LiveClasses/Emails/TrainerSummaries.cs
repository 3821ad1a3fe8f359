using Literacy.LiveClasses.Data;
using Literacy.LiveClasses.Scheduling;
using Literacy.Modules;
using Literacy.Modules.Email;
using Literacy.Modules.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Literacy.LiveClasses.Emails;

/// <summary>At 7 in the morning (site time), each trainer with classes that day gets their list: times, places taken, links.</summary>
public sealed class TrainerSummaries(LiveClassesDbContext db, LiveClassSchedule schedule, IEmails emails, SiteLinks links, IOptions<LiveClassOptions> options, TimeProvider clock)
    : IRecurringJob
{
    public string Id => "live-classes.trainer-summary";

    public string FeatureId => LiveClassesModule.Id;

    public string Cron => "0 7 * * *";

    public TimeZoneInfo TimeZone => options.Value.Zone;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var today = schedule.ToLocal(clock.GetUtcNow().UtcDateTime).Date;
        var (from, to) = (schedule.ToUtc(today), schedule.ToUtc(today.AddDays(1)));
        var classes = await db.Classes.AsNoTracking()
            .Where(c => c.EndedUtc == null && c.StartUtc >= from && c.StartUtc < to)
            .Select(c => new { c.Id, c.Title, c.TrainerId, c.StartUtc, c.DurationMinutes, c.Capacity, Taken = c.SignUps.Count })
            .ToListAsync(cancellationToken);
        foreach (var trainer in classes.GroupBy(c => c.TrainerId))
        {
            var day = trainer.OrderBy(c => c.StartUtc)
                .Select(c => new TrainerDayClass(c.Title, c.StartUtc, c.DurationMinutes, c.Capacity, c.Taken, links.To($"/live/{c.Id}"))).ToList();
            await emails.QueueAsync(db, trainer.Key, new TrainerSummaryEmail(day), $"trainer-summary:{today:yyyy-MM-dd}:{trainer.Key}", cancellationToken);
        }
    }
}
