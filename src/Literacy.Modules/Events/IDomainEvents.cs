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

/// <summary>Delivers an event to every handler registered for it, in the caller's scope, after the caller's change is committed.</summary>
public sealed class DomainEvents(IServiceProvider services)
{
    public async Task PublishAsync<TEvent>(TEvent domainEvent, CancellationToken cancellationToken = default)
        where TEvent : IDomainEvent
    {
        foreach (var handler in services.GetServices<IDomainEventHandler<TEvent>>())
        {
            await handler.HandleAsync(domainEvent, cancellationToken);
        }
    }
}
