namespace Literacy.Modules.Events;

/// <summary>A learner earned a certification unit (area and level from the framework) and its credits. Raised once per learner and unit, by the credit bank.</summary>
public sealed record UnitEarned(Guid EventId, string UserId, string UnitId, string Area, int Level, int Credits, DateTime EarnedUtc) : IDomainEvent;
