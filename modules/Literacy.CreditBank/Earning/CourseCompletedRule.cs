using Literacy.CreditBank.Data;
using Literacy.Modules.Events;
using Microsoft.EntityFrameworkCore;

namespace Literacy.CreditBank.Earning;

/// <summary>A completed course earns every active unit whose rule names that course, when the score reaches the unit's minimum.</summary>
public sealed class CourseCompletedRule(CreditBankDbContext db, Awards awards) : IDomainEventHandler<CourseCompleted>
{
    public async Task HandleAsync(CourseCompleted e, CancellationToken cancellationToken)
    {
        var units = await db.Units.AsNoTracking()
            .Where(u => u.Active && u.Rule == EarningRule.CourseCompleted && u.CourseId == e.CourseId && u.MinScore <= e.Score)
            .ToListAsync(cancellationToken);
        foreach (var unit in units)
        {
            await AwardAsync(e, unit, cancellationToken);
        }
    }

    /// <summary>Pays one unit for the completion, with the completion as its evidence.</summary>
    public Task AwardAsync(CourseCompleted e, CertificationUnit unit, CancellationToken cancellationToken) =>
        awards.AwardAsync(e.UserId, unit, EntryKind.Award, new
        {
            type = "course",
            eventId = e.EventId,
            courseId = e.CourseId,
            version = e.Version,
            score = e.Score,
            completedUtc = e.CompletedUtc,
        }, cancellationToken);
}
