using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Literacy.Modules.Recipes;

namespace Literacy.Courses.Packages;

/// <summary>
/// <c>{ "step": "courses", "publish": true }</c>: installs every package folder found in the bundled courses' folder
/// (<see cref="BundledCourses"/>), or in <c>"folder"</c> if given, through the same checks as an upload, and publishes it.
/// A package already installed at that version is left alone.
/// </summary>
public sealed class CoursesStep(CourseLibrary library, BundledCourses bundled, IOptions<PackageLimits> limits, ILogger<CoursesStep> logger) : IRecipeStep
{
    public string Name => "courses";

    public async Task RunAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        var folder = step.TryGetProperty("folder", out var given) ? Path.Combine(AppContext.BaseDirectory, given.GetString()!) : bundled.Folder;
        var publish = step.TryGetProperty("publish", out var p) && p.GetBoolean();
        var clock = Stopwatch.StartNew();
        var installed = 0;
        foreach (var package in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            var result = await library.InstallAsync(PackageContents.FromFolder(package, limits.Value), "recipe", cancellationToken);
            if (!result.Succeeded)
            {
                if (result.Problems.Any(p => p.Message.Contains("already installed", StringComparison.Ordinal)))
                {
                    continue;
                }

                throw new RecipeException($"Course package {Path.GetFileName(package)}:\n{string.Join('\n', result.Problems)}");
            }

            if (publish)
            {
                await library.PublishAsync(result.CourseId!, result.Version!, cancellationToken);
            }

            context.Note($"Course {result.CourseId} {result.Version} installed");
            installed++;
        }

        logger.LogInformation("Installed {Count} course packages in {Milliseconds} ms", installed, clock.ElapsedMilliseconds);
    }
}
