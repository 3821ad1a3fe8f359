using Literacy.CreditBank.Data;
using Literacy.Modules.Events;
using Microsoft.EntityFrameworkCore;

namespace Literacy.CreditBank.Earning;

/// <summary>
/// Attended live-class minutes add up; when a learner's total under a unit's rule (<see cref="CertificationUnit.RuleSinceUtc"/>)
/// reaches the unit's minutes, the unit is earned.
/// Each attendance counts once, however often its event is delivered. A repeated delivery still checks the units: the
/// live classes module tells an attendance again when its award failed, and the minutes were counted before the award.
/// </summary>
public sealed class LiveClassMinutesRule(CreditBankDbContext db, Awards awards) : IDomainEventHandler<LiveClassAttended>
{
    public async Task HandleAsync(LiveClassAttended e, CancellationToken cancellationToken)
    {
        if (e.Minutes <= 0)
        {
            return;
        }

        if (!await db.AttendedClasses.AnyAsync(a => a.EventId == e.EventId, cancellationToken))
        {
            db.AttendedClasses.Add(new AttendedClass { EventId = e.EventId, UserId = e.UserId, ClassId = e.ClassId, Minutes = e.Minutes, EndedUtc = e.EndedUtc });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear(); // the same attendance, delivered twice at once: counted by the other delivery
            }
        }

        var attended = await db.AttendedClasses.Where(a => a.UserId == e.UserId).Select(a => new { a.Minutes, a.EndedUtc }).ToListAsync(cancellationToken);
        var units = await db.Units.AsNoTracking().Where(u => u.Active && u.Rule == EarningRule.LiveClassMinutes).ToListAsync(cancellationToken);
        foreach (var unit in units)
        {
            // Minutes attended before the unit's rule count only if an administrator awards them (EarlierLearning).
            var total = attended.Where(a => a.EndedUtc >= unit.RuleSinceUtc).Sum(a => a.Minutes);
            if (total >= unit.Minutes)
            {
                // The award is keyed by unit and learner: a unit already earned is a quiet no-op.
                await awards.AwardAsync(e.UserId, unit, EntryKind.Award, new { type = "live-class", minutes = total, lastClass = e.ClassId, lastClassTitle = e.ClassTitle }, cancellationToken);
            }
        }
    }
}
