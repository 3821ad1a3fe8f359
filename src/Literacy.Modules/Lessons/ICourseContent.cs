namespace Literacy.Modules.Lessons;

/// <summary>Read access to published course content, for modules that act on blocks (grading a quiz).</summary>
public interface ICourseContent
{
    /// <summary>The definition of a block in the published version of a course, or null if there is none.</summary>
    Task<LessonBlock?> FindPublishedBlockAsync(string courseId, string blockId, string culture, CancellationToken cancellationToken);

    /// <summary>The title of a published course in the reader's language, or null if it is not published.</summary>
    Task<string?> TitleAsync(string courseId, string culture, CancellationToken cancellationToken);

    /// <summary>Every published course's id and title in the reader's language, for choosing one.</summary>
    Task<IReadOnlyList<(string Id, string Title)>> TitlesAsync(string culture, CancellationToken cancellationToken);
}

/// <summary>Learners' best quiz scores, for deciding whether a course is complete. The assessments module answers it.</summary>
public interface IQuizResults
{
    /// <summary>Best score in percent (0-100) per quiz id the learner has attempted in the course.</summary>
    async Task<IReadOnlyDictionary<string, double>> BestScoresAsync(string userId, string courseId, CancellationToken cancellationToken) =>
        (await BestScoresAsync([userId], courseId, cancellationToken)).GetValueOrDefault(userId) ?? new Dictionary<string, double>();

    /// <summary>The same for several learners at once (a trainer's list); a learner with no attempt is left out.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>> BestScoresAsync(IReadOnlyCollection<string> userIds, string courseId, CancellationToken cancellationToken);
}
