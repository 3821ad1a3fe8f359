using Literacy.Modules.Audit;
using Literacy.Modules.Permissions;
using Literacy.Modules.Recipes;
using Literacy.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Literacy.Web.Setup;

/// <summary>Creates the first administrator with the one-time link printed at start-up.</summary>
[AllowAnonymous]
[Route("setup")]
public sealed class SetupController(
    SetupToken setupToken,
    UserManager<PlatformUser> users,
    SignInManager<PlatformUser> signIn,
    RecipeRunner recipes,
    IAuditTrail audit,
    IWebHostEnvironment environment) : Controller
{
    [HttpGet("")]
    public IActionResult Index(string? token) =>
        setupToken.Matches(token) ? View(new SetupRequest { Token = token! }) : NotFound();

    [HttpPost("")]
    public async Task<IActionResult> Index(SetupRequest request, CancellationToken cancellationToken)
    {
        if (!setupToken.Matches(request.Token))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return View(request);
        }

        var admin = new PlatformUser { UserName = request.Email, Email = request.Email, DisplayName = request.DisplayName, EmailConfirmed = true };
        var created = await users.CreateAsync(admin, request.Password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }

            return View(request);
        }

        await users.AddToRoleAsync(admin, Roles.Administrator);
        setupToken.Revoke();
        await signIn.SignInAsync(admin, isPersistent: false);
        await audit.RecordAsync("setup.administrator-created", admin.Id, cancellationToken: cancellationToken);

        IReadOnlyList<string> notes = [];
        if (request.AddDemoUsers)
        {
            var path = Path.Combine(environment.ContentRootPath, "Recipes", "demo.json");
            notes = (await recipes.RunAsync(await Recipe.LoadAsync(path, cancellationToken), cancellationToken)).Notes;
        }

        return View("Done", notes);
    }
}
