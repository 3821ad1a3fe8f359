using System.Text.Json;
using Literacy.CreditBank.Data;
using Literacy.Data.Outbox;
using Literacy.Modules.Audit;
using Literacy.Modules.Events;
using Microsoft.EntityFrameworkCore;

namespace Literacy.CreditBank.Earning;

/// <summary>
/// Course completions that a unit has not paid because they came before its rule did: the learners finished the course
/// before the unit was added, before its rule changed or while it was switched off. Recognising that past learning is the
/// institution's choice, so it is paid only when an administrator asks, after seeing how many learners it reaches. The
/// awards are made in the background, a batch per outbox item, and each is idempotent: asking twice pays once.
/// </summary>
public sealed class EarlierCompletions(CreditBankDbContext db, ICourseCompletions completions, OwedCompletions owed, CourseCompletedRule rule, IOutbox outbox, IAuditTrail audit)
    : IOutboxHandler
{
    public const string WorkKind = "credit-bank.earlier-completions";

    /// <summary>Awards made by one outbox item; the rest go to the next, so that no item outlives its lease.</summary>
    private const int Batch = 200;

    public string Kind => WorkKind;

    /// <summary>The completions of the unit's course that earn it and that it has not paid; none for a unit earned otherwise or switched off.</summary>
    public async Task<IReadOnlyList<CourseCompleted>> OfAsync(CertificationUnit unit, CancellationToken cancellationToken)
    {
        if (unit is not { Active: true, Rule: EarningRule.CourseCompleted, CourseId: { } course })
        {
            return [];
        }

        var completed = await completions.SinceAsync(course, DateTime.MinValue, cancellationToken);
        return [.. (await owed.OfAsync([unit], completed, cancellationToken)).Select(o => o.Completed)];
    }

    /// <summary>Asks for the unit to be awarded to <paramref name="learners"/> learners (the count the administrator saw), with its audit line.</summary>
    public async Task RequestAsync(CertificationUnit unit, int learners, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await outbox.AddAsync(db, Work(unit.Id, Guid.NewGuid().ToString("N")), cancellationToken);
        await audit.RecordAsync(db, "unit.earlier-completions-awarded", unit.Id, $"{learners} learners who finished {unit.CourseId} before", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<string?> HandleAsync(long id, string payload, CancellationToken cancellationToken)
    {
        var unitId = JsonSerializer.Deserialize<Payload>(payload, JsonSerializerOptions.Web)!.UnitId;
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, cancellationToken);
        if (unit is not { Active: true })
        {
            return $"The unit {unitId} is gone or switched off.";
        }

        var owedNow = await OfAsync(unit, cancellationToken);
        foreach (var completion in owedNow.Take(Batch))
        {
            await rule.AwardAsync(completion, unit, cancellationToken);
        }

        if (owedNow.Count > Batch)
        {
            await outbox.AddAsync(db, Work(unit.Id, $"after-{id}"), cancellationToken);
        }

        return null;
    }

    private static OutboxRequest Work(string unitId, string part) =>
        new(WorkKind, $"earlier-completions:{unitId}:{part}", JsonSerializer.Serialize(new Payload(unitId), JsonSerializerOptions.Web));

    private sealed record Payload(string UnitId);
}
