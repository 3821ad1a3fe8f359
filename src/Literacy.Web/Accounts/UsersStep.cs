using System.Security.Cryptography;
using System.Text.Json;
using Literacy.Modules.Permissions;
using Literacy.Modules.Recipes;
using Literacy.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace Literacy.Web.Accounts;

/// <summary>
/// <c>{ "step": "users", "users": [{ "email": "...", "displayName": "...", "role": "Learner" }] }</c>:
/// creates accounts that do not exist yet, each with a fresh one-time password reported back to whoever ran the recipe.
/// </summary>
public sealed class UsersStep(UserManager<PlatformUser> users) : IRecipeStep
{
    public string Name => "users";

    public async Task RunAsync(JsonElement step, RecipeContext context, CancellationToken cancellationToken)
    {
        foreach (var entry in step.GetProperty("users").EnumerateArray())
        {
            var email = entry.GetProperty("email").GetString()!;
            var role = entry.GetProperty("role").GetString()!;
            if (!Roles.All.Contains(role))
            {
                throw new RecipeException($"User {email}: unknown role '{role}'. Use one of {string.Join(", ", Roles.All)}.");
            }

            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            var user = new PlatformUser { UserName = email, Email = email, DisplayName = entry.GetProperty("displayName").GetString()!, EmailConfirmed = true };
            var password = NewPassword();
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                throw new RecipeException($"User {email}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
            }

            await users.AddToRoleAsync(user, role);
            context.Note($"{role}: {email} / {password}");
        }
    }

    private static string NewPassword() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'k').Replace('/', 'm');
}
