using Literacy.Data;
using Literacy.Modules.Recipes;

namespace Literacy.Web.Setup;

/// <summary>
/// <c>dotnet Literacy.Web.dll recipe Recipes/insights-demo.json</c>: runs one recipe on the configured database and exits,
/// without starting the server (so it can run beside a running site). The path is relative to the content root.
/// </summary>
public static class RecipeCommand
{
    public static async Task<int> RunAsync(WebApplication app, string path)
    {
        var file = Path.Combine(app.Environment.ContentRootPath, path);
        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"No recipe at {file}.");
            return 1;
        }

        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            var result = await scope.ServiceProvider.GetRequiredService<RecipeRunner>().RunAsync(await Recipe.LoadAsync(file, CancellationToken.None), CancellationToken.None);
            foreach (var note in result.Notes)
            {
                Console.WriteLine(note);
            }

            return 0;
        }
        catch (Exception ex) when (ex is RecipeException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"The recipe failed: {ex.Message}");
            return 1;
        }
    }
}
