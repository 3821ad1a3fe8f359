using System.Text.Json;
using Literacy.CreditBank.Data;
using Literacy.Data.Outbox;
using Literacy.Modules.Audit;
using Literacy.Modules.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Literacy.CreditBank.Earning;

/// <summary>
/// Course completions that a unit has not paid because they came before its rule did: the learners finished the course
/// before the unit was added, before its rule changed or while it was switched off. Recognising that past learning is the
/// institution's choice, so it is paid only when an administrator asks, after seeing how many learners it reaches. The
/// awards are made in the background, a batch per outbox item in the order the learners finished, and each is
/// idempotent: asking twice pays once.
/// </summary>
public sealed class EarlierCompletions(
    CreditBankDbContext db, ICourseCompletions completions, OwedCompletions owed, CourseCompletedRule rule, IOutbox outbox, IAuditTrail audit, IOptions<CreditBankOptions> options)
    : IOutboxHandler
{
    public const string WorkKind = "credit-bank.earlier-completions";

    public string Kind => WorkKind;

    /// <summary>The completions of the unit's course that earn it and that it has not paid; none for a unit earned otherwise or switched off.</summary>
    public async Task<IReadOnlyList<CourseCompleted>> OfAsync(CertificationUnit unit, CancellationToken cancellationToken) =>
        unit is { Active: true, Rule: EarningRule.CourseCompleted, CourseId: { } course }
            ? [.. (await owed.OfAsync([unit], await completions.SinceAsync(course, DateTime.MinValue, cancellationToken), cancellationToken)).Select(o => o.Completed)]
            : [];

    /// <summary>Asks for the unit to be awarded to <paramref name="learners"/> learners (the count the administrator saw), with its audit line.</summary>
    public async Task RequestAsync(CertificationUnit unit, int learners, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await outbox.AddAsync(db, Work(new Payload(unit.Id, null, null), Guid.NewGuid().ToString("N")), cancellationToken);
        await audit.RecordAsync(db, "unit.earlier-completions-awarded", unit.Id, $"{learners} learners who finished {unit.CourseId} before", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<string?> HandleAsync(long id, string payload, CancellationToken cancellationToken)
    {
        var work = JsonSerializer.Deserialize<Payload>(payload, JsonSerializerOptions.Web)!;
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == work.UnitId, cancellationToken);
        if (unit is not { Active: true, Rule: EarningRule.CourseCompleted, CourseId: { } course })
        {
            return $"The unit {work.UnitId} is gone, switched off or no longer earned by a course.";
        }

        // In the order the learners finished, from where the previous batch stopped.
        var rest = (await completions.SinceAsync(course, work.AfterUtc ?? DateTime.MinValue, cancellationToken))
            .Where(c => work.AfterUtc is null || c.CompletedUtc > work.AfterUtc || (c.CompletedUtc == work.AfterUtc && string.CompareOrdinal(c.UserId, work.AfterUser) > 0))
            .OrderBy(c => c.CompletedUtc).ThenBy(c => c.UserId, StringComparer.Ordinal)
            .ToList();
        var batch = rest.Take(options.Value.EarlierAwardsPerBatch).ToList();
        foreach (var (completion, _) in await owed.OfAsync([unit], batch, cancellationToken))
        {
            await rule.AwardAsync(completion, unit, cancellationToken);
        }

        if (rest.Count > batch.Count)
        {
            await outbox.AddAsync(db, Work(new Payload(unit.Id, batch[^1].CompletedUtc, batch[^1].UserId), $"after-{id}"), cancellationToken);
        }

        return null;
    }

    private static OutboxRequest Work(Payload payload, string part) =>
        new(WorkKind, $"earlier-completions:{payload.UnitId}:{part}", JsonSerializer.Serialize(payload, JsonSerializerOptions.Web));

    /// <param name="AfterUtc">With <paramref name="AfterUser"/>: the last completion the previous batch went through.</param>
    private sealed record Payload(string UnitId, DateTime? AfterUtc, string? AfterUser);
}
