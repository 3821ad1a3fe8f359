using Literacy.CreditBank.Data;
using Literacy.Modules.Events;
using Literacy.Modules.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Literacy.CreditBank.Earning;

/// <summary>
/// Pays the course completions whose award was missed: the process stopped between the completion's commit and its award,
/// or the award failed (a full disk). Every five minutes it reads the last week's completions of each course that earns a
/// unit and hands the rule each one that is owed an entry; the rule is idempotent, so one paid meanwhile is paid once.
/// </summary>
public sealed class MissedCompletions(CreditBankDbContext db, ICourseCompletions completions, CourseCompletedRule rule, TimeProvider clock, ILogger<MissedCompletions> logger) : IRecurringJob
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
            foreach (var completed in await OwedAsync(course.ToList(), await completions.SinceAsync(course.Key, since, cancellationToken), cancellationToken))
            {
                await rule.HandleAsync(completed, cancellationToken);
                paid++;
            }
        }

        if (paid > 0)
        {
            logger.LogWarning("Paid {Count} course completions whose award had been missed.", paid);
        }
    }

    /// <summary>The completions that earn one of <paramref name="units"/> and have no ledger entry for it.</summary>
    private async Task<List<CourseCompleted>> OwedAsync(List<CertificationUnit> units, IReadOnlyList<CourseCompleted> completed, CancellationToken cancellationToken)
    {
        var owed = new List<CourseCompleted>();
        foreach (var chunk in completed.Chunk(500))
        {
            var users = chunk.Select(c => c.UserId).ToList();
            var accounts = db.Accounts.Where(a => users.Contains(a.UserId)).Select(a => a.Id);
            var sources = chunk.SelectMany(c => units.Select(u => Awards.SourceOf(c.UserId, u.Id))).ToList();
            var paid = (await db.Entries.AsNoTracking().Where(e => accounts.Contains(e.AccountId) && sources.Contains(e.SourceId))
                .Select(e => e.SourceId).ToListAsync(cancellationToken)).ToHashSet();
            owed.AddRange(chunk.Where(c => units.Any(u => u.MinScore <= c.Score && !paid.Contains(Awards.SourceOf(c.UserId, u.Id)))));
        }

        return owed;
    }
}
