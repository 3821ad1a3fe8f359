using Literacy.Modules.Permissions;
using Literacy.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace Literacy.Web.Accounts;

/// <summary>
/// Administrators set up two-step sign-in before they use the administration pages (ASVS level 2 asks it of staff).
/// Turning it on changes the security stamp, so sessions signed in with a password alone end within a minute.
/// "Security:RequireAdminTwoFactor" = false lifts the rule, for a test site that is not about it.
/// </summary>
public static class AdminTwoFactor
{
    public const string SetupPath = "/account/two-factor/setup";

    public static bool IsRequired(IConfiguration configuration) => configuration.GetValue("Security:RequireAdminTwoFactor", true);

    public static void UseAdminTwoFactor(this WebApplication app)
    {
        if (!IsRequired(app.Configuration))
        {
            return;
        }

        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/admin") && context.User.IsInRole(Roles.Administrator))
            {
                var users = context.RequestServices.GetRequiredService<UserManager<PlatformUser>>();
                if (await users.GetUserAsync(context.User) is { TwoFactorEnabled: false })
                {
                    context.Response.Redirect($"{SetupPath}?required=true");
                    return;
                }
            }

            await next(context);
        });
    }
}
