namespace Literacy.Modules.Events;

/// <summary>A learner met a course's completion rule: every lesson done and the passing score reached. Raised once per learner and course.</summary>
public sealed record CourseCompleted(Guid EventId, string UserId, string CourseId, string Version, double Score, int Credits, DateTime CompletedUtc) : IDomainEvent;

/// <summary>A learner submitted a quiz and it was graded.</summary>
public sealed record QuizSubmitted(Guid EventId, string UserId, string CourseId, string QuizId, double Score) : IDomainEvent;
