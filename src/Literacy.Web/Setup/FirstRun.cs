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
/// Runs at every start: brings the schema up to date, and on a new database applies the setup recipe
/// (default features, theme, bundled courses). While no administrator exists it issues a setup link.
/// </summary>
public sealed class FirstRun(
    DatabaseMigrator migrator,
    SiteState state,
    PlatformDbContext db,
    RecipeRunner recipes,
    RoleManager<IdentityRole> roles,
    UserManager<PlatformUser> users,
    SetupToken token,
    IAuditTrail audit,
    IWebHostEnvironment environment,
    IHostApplicationLifetime lifetime,
    ILogger<FirstRun> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        await state.ReloadAsync(cancellationToken);

        foreach (var role in Roles.All.Where(r => !roles.Roles.Any(x => x.Name == r)))
        {
            await roles.CreateAsync(new IdentityRole(role));
        }

        if (!await db.SiteSettings.AnyAsync(s => s.Name == SiteSetting.SetupRecipe, cancellationToken))
        {
            await ApplySetupRecipeAsync(cancellationToken);
        }

        if ((await users.GetUsersInRoleAsync(Roles.Administrator)).Count == 0)
        {
            var secret = token.Issue();
            lifetime.ApplicationStarted.Register(() => logger.LogWarning(
                "No administrator yet. Open /setup?token={Token} on this site to create one (this link works once).", secret));
        }
    }

    private async Task ApplySetupRecipeAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(environment.ContentRootPath, "Recipes", "setup.json");
        var recipe = await Recipe.LoadAsync(path, cancellationToken);
        await recipes.RunAsync(recipe, Path.GetDirectoryName(path)!, cancellationToken);
        db.SiteSettings.Add(new SiteSetting { Name = SiteSetting.SetupRecipe, Value = recipe.Name });
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync("recipe.applied", recipe.Name, cancellationToken: cancellationToken);
        logger.LogInformation("Applied the {Recipe} recipe to the new database", recipe.Name);
    }
}
