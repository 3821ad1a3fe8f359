using Literacy.Modules.Competencies;
using Literacy.Modules.Lessons;
using Literacy.Modules.People;

namespace Literacy.Insights.Figures;

/// <summary>The dimensions a figure can be broken down by.</summary>
public enum Dimension
{
    Total,
    Group,
    Region,
    AgeBand,
    Area,
    Level,
    Week,
    FunnelStep,
    Lesson,
    Question,
}

/// <summary>The codes of each learner and course dimension; index 0 is "not told" (or "not known") everywhere.</summary>
public sealed record DimensionKeys(IReadOnlyList<string> Groups, IReadOnlyList<string> Regions, IReadOnlyList<string> AgeBands, IReadOnlyList<string> Areas, IReadOnlyList<string> Levels)
{
    public static DimensionKeys From(CompetencyFramework framework) => new(
        ["", .. LearnerProfile.OccupationGroups],
        ["", .. Literacy.Modules.People.Regions.All.Select(r => r.Code)],
        ["", .. LearnerProfile.AgeBands],
        ["", .. framework.Areas.Select(a => a.Id)],
        ["", .. framework.Levels.Select(l => l.Level.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

    public IReadOnlyList<string> Of(Dimension dimension) => dimension switch
    {
        Dimension.Group => Groups,
        Dimension.Region => Regions,
        Dimension.AgeBand => AgeBands,
        Dimension.Area => Areas,
        Dimension.Level => Levels,
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };

    public static byte IndexOf(IReadOnlyList<string> keys, string? code)
    {
        if (code is null)
        {
            return 0;
        }

        for (var i = 1; i < keys.Count; i++)
        {
            if (keys[i] == code)
            {
                return (byte)i;
            }
        }

        return 0;
    }
}

/// <summary>A learner in one course, compactly: indexes into the fact set's learners and courses, days as day numbers.</summary>
public readonly record struct EnrolmentRow(int Learner, short Course, int EnrolledDay, int CompletedDay, short LessonsDone, short LastLesson)
{
    public const int Never = int.MaxValue;

    public bool Completed => CompletedDay != Never;
}

public readonly record struct AwardRow(int Learner, byte Area, byte Level, int Credits, int Day);

public readonly record struct AttendanceRow(int Learner, int Class, int Minutes, int Day);

/// <summary>A course as the figures need it: its area (from its first competency) and level, its lessons in order.</summary>
public sealed record CourseInfo(string Id, byte Area, byte Level, IReadOnlyList<string> Lessons);

/// <summary>How many learners answered a quiz question and how many missed it on their first try.</summary>
public sealed record QuestionStat(string CourseId, string QuizId, int Question, int Answered, int Missed);

/// <summary>
/// Every fact, in memory and compact (about 20 bytes an enrolment), read from the database as one snapshot: any figure,
/// under any filter, is one pass over arrays, so pages stay fast however the filters are combined.
/// </summary>
public sealed class FactSet
{
    public required DateTime BuiltUtc { get; init; }

    public required DimensionKeys Keys { get; init; }

    /// <summary>Per learner: index into <see cref="DimensionKeys.Groups"/>, <see cref="DimensionKeys.Regions"/>, <see cref="DimensionKeys.AgeBands"/>.</summary>
    public required byte[] Group { get; init; }

    public required byte[] Region { get; init; }

    public required byte[] Age { get; init; }

    public required IReadOnlyList<CourseInfo> Courses { get; init; }

    public required IReadOnlyList<string> Classes { get; init; }

    /// <summary>Sorted by learner, as are <see cref="Awards"/> and <see cref="Attendances"/>: <see cref="Aggregator"/> relies on it.</summary>
    public required EnrolmentRow[] Enrolments { get; init; }

    public required AwardRow[] Awards { get; init; }

    public required AttendanceRow[] Attendances { get; init; }

    public required IReadOnlyList<QuestionStat> Questions { get; init; }

    public int LearnerCount => Group.Length;

    public static int Day(DateTime utc) => DateOnly.FromDateTime(utc).DayNumber;

    public static CourseInfo Describe(string courseId, CourseOutline? outline, DimensionKeys keys) => new(
        courseId,
        DimensionKeys.IndexOf(keys.Areas, outline?.Competencies.FirstOrDefault()?.Split('.')[0]),
        DimensionKeys.IndexOf(keys.Levels, outline?.Level.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        outline?.Lessons.Select(l => l.Id).ToList() ?? []);
}
