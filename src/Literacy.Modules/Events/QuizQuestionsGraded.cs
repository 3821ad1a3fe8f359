namespace Literacy.Modules.Events;

/// <summary>
/// The outcome of each question of a graded quiz submission, in the quiz's question order (true: answered right), so
/// that authors can see which questions learners miss. Raised with <see cref="QuizSubmitted"/>, once per submission.
/// </summary>
public sealed record QuizQuestionsGraded(Guid EventId, string UserId, string CourseId, string QuizId, IReadOnlyList<bool> Right, DateTime SubmittedUtc) : IDomainEvent;
