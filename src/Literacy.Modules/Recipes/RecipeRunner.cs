using Microsoft.Extensions.Logging;

namespace Literacy.Modules.Recipes;

/// <summary>Runs a recipe's steps in order, each by the step handler that carries its name.</summary>
public sealed class RecipeRunner(IEnumerable<IRecipeStep> steps, ILogger<RecipeRunner> logger)
{
    public async Task<RecipeContext> RunAsync(Recipe recipe, CancellationToken cancellationToken = default)
    {
        var handlers = steps.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
        var named = recipe.Steps.Select(step => (Step: step, Name: step.TryGetProperty("step", out var n) ? n.GetString() : null)).ToList();
        var unknown = named.Where(s => s.Name is null || !handlers.ContainsKey(s.Name)).Select(s => s.Name ?? "(no name)").ToList();
        if (unknown.Count > 0)
        {
            throw new RecipeException(
                $"Recipe '{recipe.Name}' has steps nobody can run: {string.Join(", ", unknown)}. Known steps: {string.Join(", ", handlers.Keys.Order())}.");
        }

        var context = new RecipeContext();
        foreach (var (step, name) in named)
        {
            logger.LogInformation("Recipe {Recipe}: running step {Step}", recipe.Name, name);
            await handlers[name!].RunAsync(step, context, cancellationToken);
        }

        return context;
    }
}
