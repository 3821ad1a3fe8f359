namespace Literacy.Modules.Lessons;

/// <summary>
/// A course a learner started and has not finished, with where they go on: the first lesson of the published version they
/// have not done (none when every lesson is done and only the quizzes' passing score is missing).
/// </summary>
public sealed record CourseInProgress(string CourseId, string Title, int LessonsDone, int Lessons, LessonTitle? Next, int NextNumber);

/// <summary>The courses a learner is part-way through, most recently worked on first. The courses module answers it.</summary>
public interface ICoursesInProgress
{
    Task<IReadOnlyList<CourseInProgress>> OfAsync(string userId, string culture, int take, CancellationToken cancellationToken);
}
