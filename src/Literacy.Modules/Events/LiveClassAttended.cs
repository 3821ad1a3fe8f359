namespace Literacy.Modules.Events;

/// <summary>A learner attended a live class for some minutes. Raised once per learner and class, when the class ends.</summary>
public sealed record LiveClassAttended(Guid EventId, string UserId, string ClassId, string ClassTitle, int Minutes, DateTime EndedUtc) : IDomainEvent;
