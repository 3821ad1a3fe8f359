using Literacy.Insights.Figures;

namespace Literacy.Insights.Tests;

/// <summary>The privacy rule: small cells held back, the rest rounded, lone held cells covered, and filters that cannot single a learner out.</summary>
public sealed class DisclosureTests
{
    private static readonly DateOnly Day = Population.Monday;

    [Theory]
    [InlineData(0, 0, 0L)]
    [InlineData(1, 1, null)]
    [InlineData(4, 4, null)]
    [InlineData(5, 5, 5L)]
    [InlineData(7, 7, 5L)]
    [InlineData(8, 8, 10L)]
    [InlineData(12, 12, 10L)]
    [InlineData(13, 13, 15L)]
    [InlineData(37, 6, 35L)] // 37 credits earned by 6 learners
    [InlineData(40, 3, null)] // 40 credits, but earned by 3 learners
    public void Figures_about_1_to_4_learners_are_held_back_and_the_rest_are_rounded_to_5(long value, int learners, long? shown) =>
        Assert.Equal(shown, Disclosure.Protect(new Exact(value, learners)).Value);

    [Fact]
    public void A_lone_held_back_cell_takes_the_next_smallest_cell_with_it()
    {
        ExactRow Row(string key, int n) => new(key, new Dictionary<Measure, Exact> { [Measure.Reached] = Exact.Count(n) });
        var table = Disclosure.Table("t", Dimension.Region, [Measure.Reached], [Row("11", 20), Row("12", 3), Row("13", 6), Row("14", 9), Row("15", 0)]);
        Assert.Equal([20L, null, null, 10L, 0L], table.Rows.Select(r => r.Cells[0].Value));
    }

    [Fact]
    public void Rates_come_from_the_rounded_figures_shown_and_only_when_both_are_shown()
    {
        ExactRow Row(string key, int enrolled, int completed) => new(key, new Dictionary<Measure, Exact>
        {
            [Measure.Enrolments] = Exact.Count(enrolled),
            [Measure.Completions] = Exact.Count(completed),
        });
        var table = Disclosure.Table("t", Dimension.Group, [Measure.Enrolments, Measure.Completions, Measure.CompletionRate],
            [Row("farmer", 22, 11), Row("retired", 40, 3), Row("student", 30, 10)]);
        Assert.Equal([20L, 10L, 50L], table.Rows[0].Cells.Select(c => c.Value)); // 10 of 20, not 11 of 22
        Assert.True(table.Rows[1].Cells[2].IsHeld); // 3 completions: held, so is the rate
        Assert.True(table.Rows[2].Cells[1].IsHeld); // the lone held cell's companion
        Assert.True(table.Rows[2].Cells[2].IsHeld);
    }

    /// <summary>
    /// Region 65 has twelve learners: one farmer aged 70 or more (the person an attacker looks for), six industrial workers
    /// and five retired people. Elsewhere, forty more.
    /// </summary>
    private static FactSet WithOneFarmerIn65()
    {
        var p = new Population();
        p.Enrol(p.Learner("farmer", "65", "70-plus"), "a", Day);
        for (var i = 0; i < 6; i++)
        {
            p.Enrol(p.Learner("industrial-worker", "65", "30-44"), "a", Day);
        }

        for (var i = 0; i < 5; i++)
        {
            p.Enrol(p.Learner("retired", "65", "60-69"), "a", Day);
        }

        for (var i = 0; i < 40; i++)
        {
            p.Enrol(p.Learner(i % 2 == 0 ? "farmer" : "student", "44", "45-59"), "a", Day);
        }

        return p.Build();
    }

    private static DashboardView View(FactSet facts, Filter filter) => Dashboard.Build(facts, filter, Scope.Everything, Day.AddDays(3).DayNumber, 4);

    private static Shown Reached(DashboardView view) => view.Totals.Cell("total", Measure.Reached);

    [Fact]
    public void Filters_narrowed_down_to_one_learner_show_nothing()
    {
        var facts = WithOneFarmerIn65();
        foreach (var filter in new[] { new Filter("farmer", "65", "70-plus"), new Filter("farmer", "65"), new Filter(Region: "65", AgeBand: "70-plus"), new Filter("farmer", AgeBand: "70-plus") })
        {
            var view = View(facts, filter);
            Assert.True(view.TooFew, filter.QueryString());
            Assert.All(view.Totals.Rows[0].Cells, c => Assert.True(c.IsHeld));
            Assert.Empty(view.Breakdowns);
        }
    }

    [Fact]
    public void A_total_minus_the_other_rows_does_not_give_a_held_back_row()
    {
        var byGroup = View(WithOneFarmerIn65(), new Filter(Region: "65")).Breakdowns.Single(t => t.Dimension == Dimension.Group);
        Assert.True(byGroup.Cell("farmer", Measure.Reached).IsHeld);
        Assert.True(byGroup.Cell("retired", Measure.Reached).IsHeld); // 5, the next smallest, is held with it
        Assert.Equal(5, byGroup.Cell("industrial-worker", Measure.Reached).Value);
    }

    [Fact]
    public void Subtracting_the_other_groups_filter_by_filter_cannot_tell_whether_the_farmer_is_there()
    {
        var facts = WithOneFarmerIn65();
        var others = new[] { "industrial-worker", "retired", "civil-servant", "self-employed", "homemaker", "student", "other" };

        // Unprotected, the attack works: twelve in the region, six workers, five retired, nobody else: one farmer.
        var exact = Aggregator.Compute(facts, new Filter(Region: "65"), Scope.Everything, Period.AllTime, Day.DayNumber, 1);
        Assert.Equal(1, exact.Total.Cells[Measure.Reached].Value - others.Sum(g => exact.Breakdowns[Dimension.Group].FirstOrDefault(r => r.Key == g)?.Cells[Measure.Reached].Value ?? 0));

        // Protected, with the groups asked one filter at a time (so the lone-cell rule of one table does not apply):
        var region = Reached(View(facts, new Filter(Region: "65")));
        var shown = others.Select(g => Reached(View(facts, new Filter(g, "65")))).Where(s => !s.IsHeld).ToList();
        var estimate = region.Value!.Value - shown.Sum(s => s.Value!.Value);
        var slack = 2 * (1 + shown.Count); // each rounded figure may be off by up to 2
        Assert.InRange(0, estimate - slack, estimate + slack); // "nobody there" fits what is shown as well as "one farmer"
        Assert.InRange(1, estimate - slack, estimate + slack);
        Assert.Equal(0, estimate); // what the attacker actually gets from these pages
    }
}
