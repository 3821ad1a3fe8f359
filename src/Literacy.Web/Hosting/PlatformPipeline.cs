using Literacy.Jobs;
using Literacy.Modules;
using Literacy.Web.Accounts;

namespace Literacy.Web.Hosting;

public static class PlatformPipeline
{
    public static void UsePlatformPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/status/500");
            app.UseHsts();
        }

        app.UseResponseCompression();
        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseFeatureGates();
        app.UseFormSizeLimits();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAdminTwoFactor();
        app.UseOutputCache(); // after authentication: signed-in requests are never served from or stored in the cache
        app.UseAntiforgery();
    }

    public static void MapPlatformEndpoints(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapControllers();
        app.MapModules();
        app.MapPlatformJobs(HostPermissions.ManageJobs);
    }

    private static void UseSecurityHeaders(this WebApplication app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        // Hangfire's dashboard (administrators only) styles some elements inline; nothing of ours does.
        var styles = context.Request.Path.StartsWithSegments("/admin/jobs") ? "'self' 'unsafe-inline'" : "'self'";
        headers.ContentSecurityPolicy =
            $"default-src 'self'; script-src 'self'; style-src {styles}; img-src 'self' data:; media-src 'self'; " +
            "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(self), microphone=(), geolocation=()";
        headers.XFrameOptions = "DENY";
        return next(context);
    });
}
