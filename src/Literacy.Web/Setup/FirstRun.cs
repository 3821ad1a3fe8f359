using Literacy.Data;
using Literacy.Modules.Audit;
using Literacy.Modules.Features;
using Literacy.Modules.Permissions;
using Literacy.Modules.Recipes;
using Literacy.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Literacy.Web.Setup;

/// <summary>
/// Runs at every start, before the server takes requests: brings the schema up to date, and on a new database
/// applies the setup recipe (default features, theme, bundled courses). While no administrator exists it issues a setup link.
/// </summary>
public sealed class FirstRun(
    IServiceScopeFactory scopes,
    SiteState state,
    SetupToken token,
    IWebHostEnvironment environment,
    IHostApplicationLifetime lifetime,
    ILogger<FirstRun> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        await state.ReloadAsync(cancellationToken);

        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All.Where(r => !roles.Roles.Any(x => x.Name == r)))
        {
            await roles.CreateAsync(new IdentityRole(role));
        }

        var db = services.GetRequiredService<PlatformDbContext>();
        if (!await db.SiteSettings.AnyAsync(s => s.Name == SiteSetting.SetupRecipe, cancellationToken))
        {
            await ApplySetupRecipeAsync(services, db, cancellationToken);
        }

        var users = services.GetRequiredService<UserManager<PlatformUser>>();
        if ((await users.GetUsersInRoleAsync(Roles.Administrator)).Count == 0)
        {
            var secret = token.Issue();
            lifetime.ApplicationStarted.Register(() => logger.LogWarning(
                "No administrator yet. Open /setup?token={Token} on this site to create one (this link works once).", secret));
        }
    }

    private async Task ApplySetupRecipeAsync(IServiceProvider services, PlatformDbContext db, CancellationToken cancellationToken)
    {
        var path = Path.Combine(environment.ContentRootPath, "Recipes", "setup.json");
        var recipe = await Recipe.LoadAsync(path, cancellationToken);
        await services.GetRequiredService<RecipeRunner>().RunAsync(recipe, cancellationToken);
        db.SiteSettings.Add(new SiteSetting { Name = SiteSetting.SetupRecipe, Value = recipe.Name });
        await db.SaveChangesAsync(cancellationToken);
        await services.GetRequiredService<IAuditTrail>().RecordAsync("recipe.applied", recipe.Name, cancellationToken: cancellationToken);
        logger.LogInformation("Applied the {Recipe} recipe to the new database", recipe.Name);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
