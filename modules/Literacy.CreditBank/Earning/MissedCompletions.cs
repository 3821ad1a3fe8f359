using Literacy.CreditBank.Data;
using Literacy.Modules.Events;
using Literacy.Modules.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Literacy.CreditBank.Earning;

/// <summary>
/// Pays the course completions whose award was missed: the process stopped between the completion's commit and its award,
/// or the award failed (a full disk). Every five minutes it reads the last week's completions of each course that earns a
/// unit and pays each unit owed for a completion made under the unit's rule (<see cref="CertificationUnit.RuleSinceUtc"/>;
/// earlier ones are <see cref="EarlierLearning"/>). Awards are idempotent, so one paid meanwhile is paid once.
/// </summary>
public sealed class MissedCompletions(
    CreditBankDbContext db, ICourseCompletions completions, PaidUnits paidUnits, CourseCompletedRule rule, TimeProvider clock, ILogger<MissedCompletions> logger) : IRecurringJob
{
    /// <summary>Longer than any stop that nobody notices.</summary>
    private static readonly TimeSpan Lookback = TimeSpan.FromDays(7);

    public string Id => "credit-bank.missed-completions";

    public string FeatureId => CreditBankModule.Id;

    public string Cron => "*/5 * * * *";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().UtcDateTime - Lookback;
        var units = await db.Units.AsNoTracking().Where(u => u.Active && u.Rule == EarningRule.CourseCompleted && u.CourseId != null).ToListAsync(cancellationToken);
        var paid = 0;
        foreach (var course in units.GroupBy(u => u.CourseId!))
        {
            var completed = await completions.SinceAsync(course.Key, since, cancellationToken);
            var held = await paidUnits.AmongAsync(completed.Select(c => c.UserId), course.ToList(), cancellationToken);
            foreach (var completion in completed)
            {
                foreach (var unit in course.Where(u => u.MinScore <= completion.Score && completion.CompletedUtc >= u.RuleSinceUtc
                    && !held.Contains(Awards.SourceOf(completion.UserId, u.Id))))
                {
                    await rule.AwardAsync(completion, unit, cancellationToken);
                    paid++;
                }
            }
        }

        if (paid > 0)
        {
            logger.LogWarning("Paid {Count} course completions whose award had been missed.", paid);
        }
    }
}
