using System.Text.Json;
using Literacy.Modules.Features;

namespace Literacy.Modules.Recipes;

/// <summary><c>{ "step": "features", "enable": ["Courses"] }</c>: switches features on with their dependencies.</summary>
public sealed class FeaturesStep(SiteState state) : IRecipeStep
{
    public string Name => "features";

    public async Task RunAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        foreach (var id in step.GetProperty("enable").EnumerateArray().Select(e => e.GetString()!))
        {
            var change = state.PlanEnable(id);
            if (change.IsRefused)
            {
                throw new RecipeException(change.Refusal!);
            }

            await state.ApplyAsync(change, confirmed: true, cancellationToken);
        }
    }
}
