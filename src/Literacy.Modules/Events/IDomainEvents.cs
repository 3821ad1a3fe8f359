using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Modules.Events;

/// <summary>Something that happened in one module that others may act on. Each carries a unique id so handlers can be idempotent.</summary>
public interface IDomainEvent
{
    Guid EventId { get; }
}

public interface IDomainEventHandler<in TEvent>
    where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}

/// <summary>
/// Keeps what it needs of an event inside the transaction that makes the event happen, so that the two commit together or
/// not at all (a count that a crash between two commits could lose). Only for plain writes to the shared database.
/// </summary>
public interface IDomainEventRecorder<in TEvent>
    where TEvent : IDomainEvent
{
    Task RecordAsync(DbContext within, TEvent domainEvent, CancellationToken cancellationToken);
}

/// <summary>
/// Delivers an event to every handler registered for it, in the caller's scope, after the caller's change is committed;
/// or, with <see cref="RecordWithinAsync{TEvent}"/>, to every recorder inside the caller's open transaction.
/// </summary>
public sealed class DomainEvents(IServiceProvider services)
{
    public async Task RecordWithinAsync<TEvent>(DbContext within, TEvent domainEvent, CancellationToken cancellationToken = default)
        where TEvent : IDomainEvent
    {
        foreach (var recorder in services.GetServices<IDomainEventRecorder<TEvent>>())
        {
            await recorder.RecordAsync(within, domainEvent, cancellationToken);
        }
    }

    public async Task PublishAsync<TEvent>(TEvent domainEvent, CancellationToken cancellationToken = default)
        where TEvent : IDomainEvent
    {
        foreach (var handler in services.GetServices<IDomainEventHandler<TEvent>>())
        {
            await handler.HandleAsync(domainEvent, cancellationToken);
        }
    }
}
