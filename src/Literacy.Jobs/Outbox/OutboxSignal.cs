using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Literacy.Jobs.Outbox;

/// <summary>
/// Wakes the dispatcher as soon as new outbox rows are committed, so work starts at once instead of at the next poll.
/// It is an EF Core interceptor on every context: it sees the commit of a transaction that wrote to the outbox.
/// </summary>
internal sealed class OutboxSignal : DbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbTransaction, object> pending = [];
    private readonly SemaphoreSlim wake = new(0, 1);

    public void AfterCommit(DbTransaction transaction) => pending.AddOrUpdate(transaction, this);

    public void Wake()
    {
        try
        {
            wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake-pending: one wake-up covers any number of new rows.
        }
    }

    /// <summary>Waits for a wake-up or the timeout, whichever comes first; true for a wake-up.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => wake.WaitAsync(timeout, cancellationToken);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (pending.Remove(transaction))
        {
            Wake();
        }
    }

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        pending.Remove(transaction);
        return Task.CompletedTask;
    }
}
