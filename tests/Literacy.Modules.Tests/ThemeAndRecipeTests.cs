using System.Text.Json;
using Literacy.Modules.Recipes;
using Literacy.Modules.Themes;
using Microsoft.Extensions.Logging.Abstractions;

namespace Literacy.Modules.Tests;

public sealed class ThemeAndRecipeTests
{
    private sealed record Theme(ThemeManifest Manifest) : ITheme;

    [Fact]
    public void A_theme_chain_runs_from_the_theme_to_its_bases()
    {
        var catalog = new ThemeCatalog([new Theme(new("Default", "D", "")), new Theme(new("Green", "G", "", "Default")), new Theme(new("Spring", "S", "", "Green"))]);
        Assert.Equal(["Spring", "Green", "Default"], catalog.Chain("Spring").Select(t => t.Id));
        Assert.Equal(["Default"], catalog.Chain("missing").Select(t => t.Id));
    }

    [Fact]
    public void A_theme_on_an_unknown_base_is_refused()
    {
        var ex = Assert.Throws<ModuleCatalogException>(() => new ThemeCatalog([new Theme(new("Green", "G", "", "Default"))]));
        Assert.Contains("unknown theme 'Default'", ex.Message, StringComparison.Ordinal);
    }

    private sealed class CountingStep : IRecipeStep
    {
        public int Runs { get; private set; }

        public string Name => "count";

        public Task RunAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
        {
            Runs++;
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task A_recipe_with_an_unknown_step_runs_nothing_and_names_the_step()
    {
        var counting = new CountingStep();
        var recipe = Recipe.Parse("""{ "name": "r", "description": "", "steps": [ { "step": "count" }, { "step": "teleport" } ] }""", "r.json");
        var runner = new RecipeRunner([counting], NullLogger<RecipeRunner>.Instance);
        var ex = await Assert.ThrowsAsync<RecipeException>(() => runner.RunAsync(recipe));
        Assert.Contains("teleport", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, counting.Runs);
    }

    [Fact]
    public void A_malformed_recipe_names_its_file()
    {
        var ex = Assert.Throws<RecipeException>(() => Recipe.Parse("{ \"name\": ", "broken.json"));
        Assert.StartsWith("broken.json:", ex.Message, StringComparison.Ordinal);
    }
}
