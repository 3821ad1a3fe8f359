using Literacy.Insights.Figures;

namespace Literacy.Insights.Tests;

/// <summary>Exact figures against small populations worked out by hand.</summary>
public sealed class AggregatorTests
{
    private static readonly DateOnly Day = Population.Monday;
    private static readonly int Today = Day.AddDays(30).DayNumber;

    /// <summary>
    /// L0 farmer, Guangdong (44), 60-69: enrolled in a (completed) and b, earned a unit (area 4, 2 credits), attended c1.
    /// L1 industrial worker, Guangdong, under 30: enrolled in a, two lessons. L2 told nothing: attended c1 and c2.
    /// L3 farmer, Beijing (11): a unit only (area 1, 3 credits), by recognition.
    /// </summary>
    private static FactSet Four()
    {
        var p = new Population();
        var l0 = p.Learner("farmer", "44", "60-69");
        var l1 = p.Learner("industrial-worker", "44", "under-30");
        var l2 = p.Learner();
        var l3 = p.Learner("farmer", "11");
        p.Enrol(l0, "a", Day, 4, Day.AddDays(9)).Enrol(l0, "b", Day.AddDays(1)).Award(l0, "4", 1, 2, Day.AddDays(9)).Attend(l0, "c1", Day.AddDays(2));
        p.Enrol(l1, "a", Day.AddDays(8), 2);
        p.Attend(l2, "c1", Day.AddDays(2)).Attend(l2, "c2", Day.AddDays(16));
        p.Award(l3, "1", 2, 3, Day.AddDays(20));
        return p.Build();
    }

    private static ExactFigures Compute(FactSet facts, Filter? filter = null, Scope? scope = null, Period? period = null) =>
        Aggregator.Compute(facts, filter ?? Filter.All, scope ?? Scope.Everything, period ?? Period.AllTime, Today, 6);

    private static long V(ExactRow row, Measure m) => row.Cells[m].Value;

    private static ExactRow Row(ExactFigures f, Dimension d, string key) => f.Breakdowns[d].Single(r => r.Key == key);

    [Fact]
    public void The_totals_count_each_learner_once_and_add_up_enrolments_completions_credits_units_and_attendance()
    {
        var total = Compute(Four()).Total;
        Assert.Equal(4, V(total, Measure.Reached));
        Assert.Equal(3, V(total, Measure.Enrolments));
        Assert.Equal(2, total.Cells[Measure.Enrolments].Learners); // L0 twice, L1 once
        Assert.Equal(1, V(total, Measure.Completions));
        Assert.Equal(5, V(total, Measure.Credits));
        Assert.Equal(2, V(total, Measure.Units));
        Assert.Equal(3, V(total, Measure.Attendances));
        Assert.Equal(2, total.Cells[Measure.Attendances].Learners);
    }

    [Fact]
    public void Each_breakdown_puts_a_learner_in_their_own_row_and_the_untold_in_not_told()
    {
        var f = Compute(Four());
        Assert.Equal(2, V(Row(f, Dimension.Region, "44"), Measure.Reached));
        Assert.Equal(3, V(Row(f, Dimension.Region, "44"), Measure.Enrolments));
        Assert.Equal(1, V(Row(f, Dimension.Region, "11"), Measure.Reached));
        Assert.Equal(1, V(Row(f, Dimension.Region, ""), Measure.Reached));
        Assert.Equal(2, V(Row(f, Dimension.Region, ""), Measure.Attendances));
        Assert.Equal(2, V(Row(f, Dimension.Group, "farmer"), Measure.Reached));
        Assert.Equal(5, V(Row(f, Dimension.Group, "farmer"), Measure.Credits));
        Assert.Equal(1, V(Row(f, Dimension.AgeBand, "under-30"), Measure.Enrolments));
        Assert.DoesNotContain(f.Breakdowns[Dimension.Region], r => r.Key == "65"); // nobody there: no row

        // Course a and L0's unit are area 4; course b and L3's unit are area 1. Live classes belong to no area.
        Assert.Equal(2, V(Row(f, Dimension.Area, "4"), Measure.Reached));
        Assert.Equal(2, V(Row(f, Dimension.Area, "4"), Measure.Enrolments));
        Assert.Equal(1, V(Row(f, Dimension.Area, "4"), Measure.Units));
        Assert.Equal(2, V(Row(f, Dimension.Area, "1"), Measure.Reached)); // L0 in b, L3's unit
        Assert.Equal(0, V(Row(f, Dimension.Area, "1"), Measure.Attendances));
        Assert.Equal(1, V(Row(f, Dimension.Level, "2"), Measure.Enrolments));
    }

    [Fact]
    public void Filters_narrow_every_figure_and_a_competency_filter_leaves_live_classes_out()
    {
        var farmers = Compute(Four(), new Filter(Group: "farmer")).Total;
        Assert.Equal(2, V(farmers, Measure.Reached));
        Assert.Equal(2, V(farmers, Measure.Enrolments));
        Assert.Equal(1, V(farmers, Measure.Attendances));

        var safety = Compute(Four(), new Filter(Area: "4")).Total;
        Assert.Equal(2, V(safety, Measure.Reached)); // L0 and L1; L2 only attended classes
        Assert.Equal(2, V(safety, Measure.Enrolments));
        Assert.Equal(1, V(safety, Measure.Units));
        Assert.Equal(0, V(safety, Measure.Attendances));

        var both = Compute(Four(), new Filter(Group: "farmer", Region: "44", Level: "2")).Total;
        Assert.Equal(1, V(both, Measure.Enrolments)); // L0 in b
    }

    [Fact]
    public void A_period_counts_only_what_happened_within_it_and_weeks_hold_what_happened_in_them()
    {
        var secondWeek = new Period(Day.AddDays(7).DayNumber, Day.AddDays(13).DayNumber);
        var f = Compute(Four(), period: secondWeek).Total;
        Assert.Equal(1, V(f, Measure.Enrolments)); // L1 on day 8
        Assert.Equal(1, V(f, Measure.Completions)); // L0 on day 9
        Assert.Equal(1, V(f, Measure.Units));
        Assert.Equal(0, V(f, Measure.Attendances));
        Assert.Equal(2, V(f, Measure.Reached)); // L1 enrolled, L0 earned a unit (a completion alone is not new reach)

        var weekly = Compute(Four()).Weekly;
        Assert.Equal(6, weekly.Count);
        var first = weekly.Single(w => w.Key == "2026-10-05");
        Assert.Equal(2, V(first, Measure.Enrolments));
        Assert.Equal(2, V(first, Measure.Attendances));
        Assert.Equal(2, V(first, Measure.Reached)); // L0 and L2
        Assert.Equal(1, V(weekly.Single(w => w.Key == "2026-10-19"), Measure.Attendances));
    }

    [Fact]
    public void A_trainer_sees_only_their_courses_and_classes_and_no_credits()
    {
        var scope = new Scope(new HashSet<string> { "a" }, new HashSet<string> { "c2" }, Awards: false);
        var f = Compute(Four(), scope: scope).Total;
        Assert.Equal(2, V(f, Measure.Enrolments));
        Assert.Equal(1, V(f, Measure.Completions));
        Assert.Equal(1, V(f, Measure.Attendances)); // L2 in c2; c1 is another trainer's
        Assert.Equal(3, V(f, Measure.Reached));
        Assert.Equal(0, V(f, Measure.Credits));
        Assert.Equal(0, V(f, Measure.Units));
    }

    [Fact]
    public void A_course_funnel_and_where_learners_stopped()
    {
        var p = new Population();
        p.Enrol(p.Learner(), "a", Day, 4, Day.AddDays(3)); // completed
        p.Enrol(p.Learner(), "a", Day, 2); // halfway (2 of 4), stopped after a2
        p.Enrol(p.Learner(), "a", Day, 1); // started, stopped after a1
        p.Enrol(p.Learner(), "a", Day); // never started
        p.Enrol(p.Learner(), "b", Day, 1); // another course: not counted
        var (funnel, stops, _) = Aggregator.Course(p.Build(), "a");
        Assert.Equal([("enrolled", 4L), ("started", 3L), ("halfway", 2L), ("completed", 1L)], funnel.Select(r => (r.Key, r.Cells[Measure.Learners].Value)));
        Assert.Equal([("", 1L), ("a1", 1L), ("a2", 1L)], stops.Select(r => (r.Key, r.Cells[Measure.Learners].Value)));
    }
}
