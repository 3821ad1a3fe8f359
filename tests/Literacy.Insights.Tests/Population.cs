using Literacy.Insights.Figures;
using Literacy.Modules.People;

namespace Literacy.Insights.Tests;

/// <summary>A small, hand-made set of facts: learners with their profile, and what each did on which day.</summary>
internal sealed class Population
{
    public static readonly DateOnly Monday = new(2026, 10, 5);

    private static readonly DimensionKeys Keys = new(
        ["", .. LearnerProfile.OccupationGroups],
        ["", .. Regions.All.Select(r => r.Code)],
        ["", .. LearnerProfile.AgeBands],
        ["", "1", "2", "3", "4", "5"],
        ["", "1", "2", "3", "4", "5", "6", "7", "8"]);

    private readonly List<(string? Group, string? Region, string? Age)> learners = [];
    private readonly List<EnrolmentRow> enrolments = [];
    private readonly List<AwardRow> awards = [];
    private readonly List<AttendanceRow> attendances = [];
    private readonly List<string> classes = [];

    /// <summary>Course "a": area 4, level 1, four lessons; course "b": area 1, level 2, two lessons.</summary>
    public IReadOnlyList<CourseInfo> Courses { get; } =
    [
        new("a", 4, 1, ["a1", "a2", "a3", "a4"]),
        new("b", 1, 2, ["b1", "b2"]),
    ];

    public int Learner(string? group = null, string? region = null, string? age = null)
    {
        learners.Add((group, region, age));
        return learners.Count - 1;
    }

    public Population Enrol(int learner, string course, DateOnly on, int lessons = 0, DateOnly? completedOn = null)
    {
        var c = (short)Courses.ToList().FindIndex(x => x.Id == course);
        enrolments.Add(new EnrolmentRow(learner, c, on.DayNumber, completedOn?.DayNumber ?? EnrolmentRow.Never, (short)lessons, (short)(lessons - 1)));
        return this;
    }

    public Population Award(int learner, string area, int level, int credits, DateOnly on)
    {
        awards.Add(new AwardRow(learner, DimensionKeys.IndexOf(Keys.Areas, area), (byte)level, credits, on.DayNumber));
        return this;
    }

    public Population Attend(int learner, string classId, DateOnly on)
    {
        if (!classes.Contains(classId))
        {
            classes.Add(classId);
        }

        attendances.Add(new AttendanceRow(learner, classes.IndexOf(classId), 45, on.DayNumber));
        return this;
    }

    public FactSet Build() => new()
    {
        BuiltUtc = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc),
        Keys = Keys,
        Group = [.. learners.Select(l => DimensionKeys.IndexOf(Keys.Groups, l.Group))],
        Region = [.. learners.Select(l => DimensionKeys.IndexOf(Keys.Regions, l.Region))],
        Age = [.. learners.Select(l => DimensionKeys.IndexOf(Keys.AgeBands, l.Age))],
        Courses = Courses,
        Classes = classes,
        Enrolments = [.. enrolments.OrderBy(e => e.Learner)],
        Awards = [.. awards.OrderBy(a => a.Learner)],
        Attendances = [.. attendances.OrderBy(a => a.Learner)],
        Questions = [],
    };
}
