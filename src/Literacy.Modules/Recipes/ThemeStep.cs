using System.Text.Json;
using Literacy.Modules.Features;
using Literacy.Modules.Themes;

namespace Literacy.Modules.Recipes;

/// <summary><c>{ "step": "theme", "theme": "Default" }</c>: sets the site theme.</summary>
public sealed class ThemeStep(SiteState state, ThemeCatalog themes) : IRecipeStep
{
    public string Name => "theme";

    public Task RunAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var id = step.GetProperty("theme").GetString();
        var theme = themes.Find(id) ?? throw new RecipeException($"There is no theme '{id}'.");
        return state.SetThemeAsync(theme.Id, cancellationToken);
    }
}
