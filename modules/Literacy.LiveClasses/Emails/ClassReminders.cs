using Literacy.LiveClasses.Data;
using Literacy.Modules;
using Literacy.Modules.Email;
using Literacy.Modules.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Literacy.LiveClasses.Emails;

/// <summary>
/// Every minute: learners with a place get a reminder once within the 24 hours before a class (with the join link), and
/// once more in the last 15 minutes. A class moved to another time reminds again; a cancelled class reminds no one.
/// </summary>
public sealed class ClassReminders(LiveClassesDbContext db, IEmails emails, SiteLinks links, TimeProvider clock) : IRecurringJob
{
    public static readonly TimeSpan DayBefore = TimeSpan.FromHours(24);
    public static readonly TimeSpan JustBefore = TimeSpan.FromMinutes(15);

    public string Id => "live-classes.reminders";

    public string FeatureId => LiveClassesModule.Id;

    public string Cron => "* * * * *";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var horizon = now + DayBefore;
        var classes = await db.Classes.AsNoTracking().Include(c => c.SignUps)
            .Where(c => c.EndedUtc == null && c.StartUtc > now && c.StartUtc <= horizon).ToListAsync(cancellationToken);
        foreach (var c in classes)
        {
            var soon = c.StartUtc - now <= JustBefore;
            var when = soon ? "15m" : "24h";
            var email = new ClassReminderEmail(c.Title, c.StartUtc, c.DurationMinutes, links.To($"/live/{c.Id}"), soon);
            foreach (var signUp in c.SignUps)
            {
                await emails.QueueAsync(db, signUp.UserId, email, $"class-reminder-{when}:{c.Id}:{c.StartUtc.Ticks}:{signUp.UserId}", cancellationToken);
            }
        }
    }
}
