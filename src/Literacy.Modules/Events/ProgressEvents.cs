namespace Literacy.Modules.Events;

/// <summary>A learner enrolled in a course. Raised once per learner and course, when the enrolment is stored.</summary>
public sealed record CourseEnrolled(Guid EventId, string UserId, string CourseId, DateTime EnrolledUtc) : IDomainEvent;

/// <summary>A learner finished a lesson (by lesson id). Raised once per learner, course and lesson, when it is stored.</summary>
public sealed record LessonCompleted(Guid EventId, string UserId, string CourseId, string LessonId, DateTime CompletedUtc) : IDomainEvent;
