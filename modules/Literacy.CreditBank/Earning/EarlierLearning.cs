using System.Text.Json;
using Literacy.CreditBank.Data;
using Literacy.Data.Outbox;
using Literacy.Modules.Audit;
using Literacy.Modules.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Literacy.CreditBank.Earning;

/// <summary>A learner who met a unit's rule before the unit could pay them, and the learning that met it.</summary>
/// <param name="Completed">For a unit earned by a course: the completion.</param>
/// <param name="Minutes">For a unit earned by live classes: all the minutes the learner attended.</param>
public sealed record EarlierLearner(string UserId, CourseCompleted? Completed, int Minutes);

/// <summary>
/// Learning that a unit has not paid because it came before the unit's rule (<see cref="CertificationUnit.RuleSinceUtc"/>):
/// the learners finished the course, or attended the minutes, before the unit was added, before its rule changed or while
/// it was switched off. Recognising that past learning is the institution's choice, so it is paid only when an
/// administrator asks, after seeing how many learners it reaches. The awards are made in the background, a batch per
/// outbox item, each batch going on where the last stopped; each award is idempotent, so asking twice pays once.
/// </summary>
public sealed class EarlierLearning(
    CreditBankDbContext db,
    ICourseCompletions completions,
    PaidUnits paidUnits,
    CourseCompletedRule courseRule,
    Awards awards,
    IOutbox outbox,
    IAuditTrail audit,
    IOptions<CreditBankOptions> options) : IOutboxHandler
{
    public const string WorkKind = "credit-bank.earlier-learning";

    public string Kind => WorkKind;

    /// <summary>The learners who met the unit's rule and do not have it; none for a unit switched off or earned only by recognition.</summary>
    public async Task<IReadOnlyList<EarlierLearner>> OfAsync(CertificationUnit unit, CancellationToken cancellationToken) =>
        await UnpaidAsync(unit, await MetAsync(unit, after: null, cancellationToken), cancellationToken);

    /// <summary>Asks for the unit to be awarded to <paramref name="learners"/> learners (the count the administrator saw), with its audit line.</summary>
    public async Task RequestAsync(CertificationUnit unit, int learners, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await outbox.AddAsync(db, Work(new Payload(unit.Id, null), Guid.NewGuid().ToString("N")), cancellationToken);
        await audit.RecordAsync(db, "unit.earlier-learning-awarded", unit.Id, $"{learners} learners whose learning came before the unit", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<string?> HandleAsync(long id, string payload, CancellationToken cancellationToken)
    {
        var work = JsonSerializer.Deserialize<Payload>(payload, JsonSerializerOptions.Web)!;
        if (await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == work.UnitId, cancellationToken) is not { Active: true } unit)
        {
            return $"The unit {work.UnitId} is gone or switched off.";
        }

        var rest = await MetAsync(unit, work.After, cancellationToken);
        var batch = rest.Take(Math.Max(1, options.Value.EarlierAwardsPerBatch)).ToList();
        foreach (var learner in await UnpaidAsync(unit, batch, cancellationToken))
        {
            await (learner.Completed is { } completed
                ? courseRule.AwardAsync(completed, unit, cancellationToken)
                : awards.AwardAsync(learner.UserId, unit, EntryKind.Award, new { type = "live-class", minutes = learner.Minutes }, cancellationToken));
        }

        if (rest.Count > batch.Count)
        {
            await outbox.AddAsync(db, Work(new Payload(unit.Id, Cursor.Of(batch[^1])), $"after-{id}"), cancellationToken);
        }

        return null;
    }

    /// <summary>
    /// The learners who met the unit's rule, whether they have the unit or not, in a fixed order (when they finished the
    /// course, or who they are), after <paramref name="after"/>.
    /// </summary>
    private async Task<IReadOnlyList<EarlierLearner>> MetAsync(CertificationUnit unit, Cursor? after, CancellationToken cancellationToken)
    {
        IEnumerable<EarlierLearner> met = unit switch
        {
            { Active: true, Rule: EarningRule.CourseCompleted, CourseId: { } course } =>
                (await completions.SinceAsync(course, after?.CompletedUtc ?? DateTime.MinValue, cancellationToken))
                    .Where(c => c.Score >= unit.MinScore)
                    .Select(c => new EarlierLearner(c.UserId, c, 0))
                    .OrderBy(l => l.Completed!.CompletedUtc).ThenBy(l => l.UserId, StringComparer.Ordinal),
            { Active: true, Rule: EarningRule.LiveClassMinutes } =>
                (await db.AttendedClasses.GroupBy(a => a.UserId)
                    .Select(g => new { UserId = g.Key, Minutes = g.Sum(a => a.Minutes) })
                    .Where(t => t.Minutes >= unit.Minutes)
                    .ToListAsync(cancellationToken))
                    .Select(t => new EarlierLearner(t.UserId, null, t.Minutes))
                    .OrderBy(l => l.UserId, StringComparer.Ordinal),
            _ => [],
        };
        return [.. met.Where(l => after is null || after.IsBefore(l))];
    }

    private async Task<IReadOnlyList<EarlierLearner>> UnpaidAsync(CertificationUnit unit, IReadOnlyList<EarlierLearner> learners, CancellationToken cancellationToken)
    {
        var paid = await paidUnits.AmongAsync(learners.Select(l => l.UserId), [unit], cancellationToken);
        return [.. learners.Where(l => !paid.Contains(Awards.SourceOf(l.UserId, unit.Id)))];
    }

    private static OutboxRequest Work(Payload payload, string part) =>
        new(WorkKind, $"earlier-learning:{payload.UnitId}:{part}", JsonSerializer.Serialize(payload, JsonSerializerOptions.Web));

    private sealed record Payload(string UnitId, Cursor? After);

    /// <summary>Where a batch stopped: the last learner it went through, and when they finished the course (for a course's unit).</summary>
    private sealed record Cursor(string UserId, DateTime? CompletedUtc)
    {
        public static Cursor Of(EarlierLearner l) => new(l.UserId, l.Completed?.CompletedUtc);

        public bool IsBefore(EarlierLearner l) => l.Completed is { } c && CompletedUtc is { } at
            ? c.CompletedUtc > at || (c.CompletedUtc == at && string.CompareOrdinal(l.UserId, UserId) > 0)
            : string.CompareOrdinal(l.UserId, UserId) > 0;
    }
}
