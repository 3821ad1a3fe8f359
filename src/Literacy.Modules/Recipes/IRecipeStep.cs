using System.Text.Json;

namespace Literacy.Modules.Recipes;

/// <summary>Carries out one named kind of recipe step, e.g. <c>{ "step": "features", "enable": [...] }</c>.</summary>
public interface IRecipeStep
{
    string Name { get; }

    Task RunAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken);
}

/// <summary>What a recipe run tells the person who started it, e.g. the one-time passwords of demo users.</summary>
public sealed class RecipeContext
{
    private readonly List<string> _notes = [];

    public IReadOnlyList<string> Notes => _notes;

    public void Note(string note) => _notes.Add(note);
}
