namespace Literacy.Modules.Events;

/// <summary>
/// Courses completed, as the events they raised: for a module that must act on every completion even when it missed the
/// event (the process stopped between the completion's commit and its handlers, or a handler failed). The courses module answers it.
/// </summary>
public interface ICourseCompletions
{
    /// <summary>Every completion of <paramref name="courseId"/> at or after <paramref name="sinceUtc"/>.</summary>
    Task<IReadOnlyList<CourseCompleted>> SinceAsync(string courseId, DateTime sinceUtc, CancellationToken cancellationToken);
}
