using System.Text.Json;
using System.Text.Json.Serialization;

namespace Literacy.Modules.Recipes;

/// <summary>A JSON file of named steps that sets a site up the way an administrator would.</summary>
public sealed record Recipe(string Name, string Description, IReadOnlyList<JsonElement> Steps)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static Recipe Parse(string json, string source)
    {
        try
        {
            return JsonSerializer.Deserialize<Recipe>(json, Json)
                ?? throw new RecipeException($"{source}: the recipe is empty.");
        }
        catch (JsonException ex)
        {
            throw new RecipeException($"{source}: {ex.Message}");
        }
    }

    public static async Task<Recipe> LoadAsync(string path, CancellationToken cancellationToken = default) =>
        Parse(await File.ReadAllTextAsync(path, cancellationToken), Path.GetFileName(path));
}

public sealed class RecipeException(string message) : Exception(message);
