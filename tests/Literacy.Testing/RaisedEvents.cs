using System.Collections.Concurrent;
using Literacy.Modules.Events;
using Literacy.Modules.People;

namespace Literacy.Testing;

/// <summary>Records the domain events the platform raises, as another module listening for them would see them.</summary>
public sealed class RaisedEvents : IDomainEventHandler<CourseCompleted>, IDomainEventHandler<LearnerProfileChanged>
{
    private readonly ConcurrentQueue<IDomainEvent> _events = new();

    public IReadOnlyCollection<IDomainEvent> All => _events;

    public Task HandleAsync(CourseCompleted domainEvent, CancellationToken cancellationToken)
    {
        _events.Enqueue(domainEvent);
        return Task.CompletedTask;
    }

    public Task HandleAsync(LearnerProfileChanged domainEvent, CancellationToken cancellationToken)
    {
        _events.Enqueue(domainEvent);
        return Task.CompletedTask;
    }
}
