using Literacy.Modules.Features;

namespace Literacy.Modules.Tests;

public sealed class FeatureGraphTests
{
    private static FeatureManifest F(string id, params string[] deps) => new(id, id, id, deps);

    private static readonly FeatureGraph Graph = new(
    [
        F("Courses"),
        F("Assessments", "Courses"),
        F("CreditBank", "Assessments"),
        F("LiveClasses", "Courses"),
        F("Insights", "CreditBank", "LiveClasses"),
    ]);

    [Fact]
    public void Enabling_a_feature_brings_every_dependency_first()
    {
        Assert.Equal(["Courses", "Assessments", "CreditBank", "LiveClasses", "Insights"], Graph.WithDependencies("Insights"));
    }

    [Fact]
    public void Disabling_a_feature_takes_every_dependant_with_it()
    {
        Assert.Equal(["Assessments", "CreditBank", "Insights"], Graph.WithDependants("Assessments"));
        Assert.Equal(["Insights"], Graph.WithDependants("Insights"));
    }

    [Fact]
    public void Feature_ids_are_matched_without_regard_to_case()
    {
        Assert.Equal(["Courses", "LiveClasses"], Graph.WithDependencies("liveclasses"));
    }

    [Fact]
    public void A_cycle_is_refused_with_the_cycle_named()
    {
        var ex = Assert.Throws<ModuleCatalogException>(() => new FeatureGraph([F("A", "B"), F("B", "C"), F("C", "A")]));
        Assert.Contains("A -> B -> C -> A", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_feature_depending_on_itself_is_a_cycle()
    {
        var ex = Assert.Throws<ModuleCatalogException>(() => new FeatureGraph([F("A", "A")]));
        Assert.Contains("cycle", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_dependency_is_refused_with_its_name()
    {
        var ex = Assert.Throws<ModuleCatalogException>(() => new FeatureGraph([F("Courses"), F("Quizzes", "Courses", "Media")]));
        Assert.Contains("'Quizzes' depends on unknown feature(s): Media", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_features_with_one_id_are_refused()
    {
        var ex = Assert.Throws<ModuleCatalogException>(() => new FeatureGraph([F("Courses"), F("courses")]));
        Assert.Contains("courses", ex.Message, StringComparison.Ordinal);
    }
}
