namespace Literacy.Modules.Lessons;

/// <summary>A published course as a report needs it: its level, competencies and lessons in order, titles in the reader's language.</summary>
public sealed record CourseOutline(string Id, string Title, int Level, IReadOnlyList<string> Competencies, IReadOnlyList<LessonTitle> Lessons);

public sealed record LessonTitle(string Id, string Title);

/// <summary>The outlines of the published courses. The courses module answers it.</summary>
public interface ICourseOutlines
{
    Task<IReadOnlyList<CourseOutline>> PublishedAsync(string culture, CancellationToken cancellationToken);
}
