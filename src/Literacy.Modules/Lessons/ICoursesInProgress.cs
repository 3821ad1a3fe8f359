namespace Literacy.Modules.Lessons;

/// <summary>
/// A course a learner started and has not finished, with where they go on (none when every lesson is done and only the
/// quizzes' passing score is missing).
/// </summary>
public sealed record CourseInProgress(string CourseId, string Title, int LessonsDone, int Lessons, NextLesson? Next);

/// <summary>A lesson to go on with, and its place in the course (1 is the first).</summary>
public sealed record NextLesson(string Id, string Title, int Number)
{
    /// <summary>Where a learner who stopped part-way goes on: the first lesson of the outline they have not done; none when all are.</summary>
    public static NextLesson? In(IReadOnlyList<(string Id, string Title, int Minutes)> outline, IReadOnlySet<string> done) =>
        outline.Select((lesson, i) => new NextLesson(lesson.Id, lesson.Title, i + 1)).FirstOrDefault(l => !done.Contains(l.Id));
}

/// <summary>The courses a learner is part-way through, most recently worked on first. The courses module answers it.</summary>
public interface ICoursesInProgress
{
    Task<IReadOnlyList<CourseInProgress>> OfAsync(string userId, string culture, int take, CancellationToken cancellationToken);
}
