namespace Literacy.Insights.Figures;

/// <summary>The measures of every table, in column order.</summary>
public enum Measure
{
    Reached,
    Enrolments,
    Completions,
    CompletionRate,
    Credits,
    Units,
    Attendances,
    Learners,
    Answered,
    Missed,
    MissRate,
}

/// <summary>An exact figure and how many different learners it is about: the second decides whether it may be shown.</summary>
public readonly record struct Exact(long Value, int Learners)
{
    public static Exact Count(int learners) => new(learners, learners);
}

/// <summary>A row of exact figures, keyed by a dimension code (or a week, a lesson...).</summary>
public sealed record ExactRow(string Key, IReadOnlyDictionary<Measure, Exact> Cells);

/// <summary>The exact figures of one view, before <see cref="Disclosure"/> protects them. Never shown as they are.</summary>
public sealed record ExactFigures(ExactRow Total, IReadOnlyDictionary<Dimension, IReadOnlyList<ExactRow>> Breakdowns, IReadOnlyList<ExactRow> Weekly);

/// <summary>Computes a view's exact figures in one pass over each kind of fact.</summary>
public static class Aggregator
{
    public static readonly Measure[] Headline = [Measure.Reached, Measure.Enrolments, Measure.Completions, Measure.CompletionRate, Measure.Credits, Measure.Units, Measure.Attendances];

    public static readonly Dimension[] BreakdownDimensions = [Dimension.Group, Dimension.Region, Dimension.AgeBand, Dimension.Area, Dimension.Level];

    /// <param name="weeks">How many weeks, ending with the one holding <paramref name="today"/>, the weekly table covers.</param>
    public static ExactFigures Compute(FactSet facts, Filter filter, Scope scope, Period period, int today, int weeks)
    {
        var groupCode = DimensionKeys.IndexOf(facts.Keys.Groups, filter.Group);
        var regionCode = DimensionKeys.IndexOf(facts.Keys.Regions, filter.Region);
        var ageCode = DimensionKeys.IndexOf(facts.Keys.AgeBands, filter.AgeBand);
        var areaCode = DimensionKeys.IndexOf(facts.Keys.Areas, filter.Area);
        var levelCode = DimensionKeys.IndexOf(facts.Keys.Levels, filter.Level);
        bool LearnerMatches(int learner) =>
            (filter.Group is null || facts.Group[learner] == groupCode)
            && (filter.Region is null || facts.Region[learner] == regionCode)
            && (filter.AgeBand is null || facts.Age[learner] == ageCode);

        var total = new Accumulator();
        var breakdowns = BreakdownDimensions.ToDictionary(d => d, d => new Accumulator[facts.Keys.Of(d).Count]);
        var firstWeek = WeekStart(today) - ((weeks - 1) * 7);
        var weekly = new Accumulator[weeks];
        Accumulator Slot(Accumulator[] slots, int i) => slots[i] ??= new Accumulator();
        void Add(Measure measure, int learner, long value, int day, byte area, byte level, bool byCourse)
        {
            total.Add(measure, learner, value);
            Slot(breakdowns[Dimension.Group], facts.Group[learner]).Add(measure, learner, value);
            Slot(breakdowns[Dimension.Region], facts.Region[learner]).Add(measure, learner, value);
            Slot(breakdowns[Dimension.AgeBand], facts.Age[learner]).Add(measure, learner, value);
            if (byCourse)
            {
                Slot(breakdowns[Dimension.Area], area).Add(measure, learner, value);
                Slot(breakdowns[Dimension.Level], level).Add(measure, learner, value);
            }

            var week = (day - firstWeek) / 7;
            if (day >= firstWeek && week < weeks)
            {
                Slot(weekly, week).Add(measure, learner, value);
            }
        }

        // The facts are sorted by learner and walked learner by learner, so each cell counts distinct learners with one
        // "last learner seen" per measure instead of a set.
        var taughtCourses = scope.Courses is null ? null : facts.Courses.Select(c => scope.Courses.Contains(c.Id)).ToArray();
        var taughtClasses = scope.Classes is null ? null : facts.Classes.Select(scope.Classes.Contains).ToArray();
        int ie = 0, ia = 0, it = 0;
        for (var learner = 0; learner < facts.LearnerCount; learner++)
        {
            var matches = LearnerMatches(learner);
            for (; ie < facts.Enrolments.Length && facts.Enrolments[ie].Learner == learner; ie++)
            {
                var e = facts.Enrolments[ie];
                var course = facts.Courses[e.Course];
                if (!matches || (taughtCourses is not null && !taughtCourses[e.Course])
                    || (filter.Area is not null && course.Area != areaCode) || (filter.Level is not null && course.Level != levelCode))
                {
                    continue;
                }

                if (period.Contains(e.EnrolledDay))
                {
                    Add(Measure.Enrolments, learner, 1, e.EnrolledDay, course.Area, course.Level, true);
                    Add(Measure.Reached, learner, 0, e.EnrolledDay, course.Area, course.Level, true);
                }

                if (e.Completed && period.Contains(e.CompletedDay))
                {
                    Add(Measure.Completions, learner, 1, e.CompletedDay, course.Area, course.Level, true);
                }
            }

            for (; ia < facts.Awards.Length && facts.Awards[ia].Learner == learner; ia++)
            {
                var a = facts.Awards[ia];
                if (!matches || !scope.Awards || !period.Contains(a.Day) || (filter.Area is not null && a.Area != areaCode) || (filter.Level is not null && a.Level != levelCode))
                {
                    continue;
                }

                Add(Measure.Units, learner, 1, a.Day, a.Area, a.Level, true);
                Add(Measure.Credits, learner, a.Credits, a.Day, a.Area, a.Level, true);
                Add(Measure.Reached, learner, 0, a.Day, a.Area, a.Level, true);
            }

            for (; it < facts.Attendances.Length && facts.Attendances[it].Learner == learner; it++)
            {
                var a = facts.Attendances[it];
                if (!matches || filter.NarrowsCourses || (taughtClasses is not null && !taughtClasses[a.Class]) || !period.Contains(a.Day))
                {
                    continue;
                }

                Add(Measure.Attendances, learner, 1, a.Day, 0, 0, false);
                Add(Measure.Reached, learner, 0, a.Day, 0, 0, false);
            }
        }

        return new ExactFigures(
            total.Row("total"),
            breakdowns.ToDictionary(b => b.Key, b => (IReadOnlyList<ExactRow>)b.Value.Select((acc, i) => acc?.Row(facts.Keys.Of(b.Key)[i])).OfType<ExactRow>().ToList()),
            weekly.Select((acc, i) => (acc ?? new Accumulator()).Row(DateOnly.FromDayNumber(firstWeek + (i * 7)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))).ToList());
    }

    /// <summary>The Monday of a day's week.</summary>
    public static int WeekStart(int day) => day - (((int)DateOnly.FromDayNumber(day).DayOfWeek + 6) % 7);

    /// <summary>The funnel, the lessons where learners who have not finished stopped, and the most missed questions, of one course.</summary>
    public static (IReadOnlyList<ExactRow> Funnel, IReadOnlyList<ExactRow> Stops, IReadOnlyList<ExactRow> Questions) Course(FactSet facts, string courseId)
    {
        var index = facts.Courses.Select((c, i) => (c, i)).FirstOrDefault(x => x.c.Id == courseId);
        var lessons = index.c?.Lessons ?? [];
        int enrolled = 0, started = 0, halfway = 0, completed = 0;
        var stops = new int[lessons.Count + 1]; // [0]: not started; [i + 1]: stopped after lesson i
        if (index.c is not null)
        {
            foreach (var e in facts.Enrolments)
            {
                if (e.Course != index.i)
                {
                    continue;
                }

                enrolled++;
                started += e.LessonsDone > 0 || e.Completed ? 1 : 0;
                halfway += (e.LessonsDone * 2 >= lessons.Count && e.LessonsDone > 0) || e.Completed ? 1 : 0;
                completed += e.Completed ? 1 : 0;
                if (!e.Completed && e.LastLesson >= -1)
                {
                    stops[e.LastLesson + 1]++;
                }
            }
        }

        ExactRow Step(string key, int n) => new(key, new Dictionary<Measure, Exact> { [Measure.Learners] = Exact.Count(n) });
        var funnel = new[] { Step("enrolled", enrolled), Step("started", started), Step("halfway", halfway), Step("completed", completed) };
        var stopRows = stops.Select((n, i) => Step(i == 0 ? "" : lessons[i - 1], n)).Where(r => r.Cells[Measure.Learners].Value > 0).ToList();
        var questions = facts.Questions.Where(q => q.CourseId == courseId)
            .OrderByDescending(q => (double)q.Missed / q.Answered).ThenBy(q => q.QuizId, StringComparer.Ordinal).ThenBy(q => q.Question)
            .Select(q => new ExactRow($"{q.QuizId}#{q.Question}", new Dictionary<Measure, Exact>
            {
                [Measure.Answered] = Exact.Count(q.Answered),
                [Measure.Missed] = Exact.Count(q.Missed),
            }))
            .ToList();
        return (funnel, stopRows, questions);
    }

    /// <summary>Counts and sums with the distinct learners behind each; facts must come learner by learner.</summary>
    private sealed class Accumulator
    {
        private static readonly int Size = Enum.GetValues<Measure>().Length;
        private readonly long[] values = new long[Size];
        private readonly int[] learners = new int[Size];
        private readonly int[] last = Enumerable.Repeat(-1, Size).ToArray();

        public void Add(Measure measure, int learner, long value)
        {
            var m = (int)measure;
            values[m] += value;
            if (last[m] != learner)
            {
                last[m] = learner;
                learners[m]++;
            }
        }

        public ExactRow Row(string key) => new(key, Headline.Where(m => m != Measure.CompletionRate).ToDictionary(
            m => m,
            m => new Exact(m == Measure.Reached ? learners[(int)m] : values[(int)m], learners[(int)m])));
    }
}
