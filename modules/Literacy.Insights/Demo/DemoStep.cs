using System.Text.Json;
using Literacy.Modules.Recipes;

namespace Literacy.Insights.Demo;

/// <summary><c>{ "step": "insights-demo", "learners": 100000, "seed": 9 }</c>: writes a synthetic population into the insights facts.</summary>
public sealed class DemoStep(DemoPopulation population) : IRecipeStep
{
    public string Name => "insights-demo";

    public async Task RunAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var learners = step.TryGetProperty("learners", out var l) ? l.GetInt32() : 1000;
        var seed = step.TryGetProperty("seed", out var s) ? s.GetInt32() : 9;
        if (learners is < 1 or > 10_000_000)
        {
            throw new RecipeException("insights-demo: learners must be from 1 to 10,000,000.");
        }

        var counts = await population.WriteAsync(learners, seed, cancellationToken);
        context.Note($"Insights demo: {counts.Learners:N0} learners, {counts.Enrolments:N0} enrolments, {counts.Lessons:N0} lessons done, {counts.Answers:N0} quiz answers, {counts.Awards:N0} units, {counts.Attendances:N0} live-class attendances, in {counts.Took.TotalSeconds:N1} s.");
    }
}
