using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.RateLimiting;

namespace Literacy.Web.Hosting;

/// <summary>
/// Limits on the forms that take a password, a code or a card: how often one address may post them, and how large they
/// may be. Per-account lockout (Identity) stops guessing one person's password; this stops one address trying many
/// accounts. A community centre's learners share one address, so the default is generous.
/// </summary>
public static class CredentialLimits
{
    /// <summary>The rate-limiter policy on every credential form: <c>[EnableRateLimiting(CredentialLimits.Policy)]</c>.</summary>
    public const string Policy = "credentials";

    /// <summary>A credential form is a few short fields; anything larger is refused before it is read.</summary>
    public const int MaxFormBytes = 16 * 1024;

    /// <summary>Url-encoded forms without a limit of their own (slide decks are the largest) stop here.</summary>
    private const long MaxOtherFormBytes = 1024 * 1024;

    public static IServiceCollection AddCredentialLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("SignIn:PerAddressPerMinute", 30);
        // The address is the visitor's, not the reverse proxy's: a proxy on this machine is trusted by default, others by name.
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in (configuration["ReverseProxies"] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask; // the status page explains it in the visitor's language
            };
        });
        return services;
    }

    /// <summary>
    /// Refuses a form post larger than its endpoint's <c>[RequestSizeLimit]</c> (or 1 MB for a url-encoded form without
    /// one) with 413 before reading it, so the status page says why, on every server the site runs on.
    /// </summary>
    public static void UseFormSizeLimits(this WebApplication app) => app.Use((context, next) =>
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? (context.Request.HasFormContentType && context.Request.ContentType!.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
                ? MaxOtherFormBytes
                : null);
        if (limit is null)
        {
            return next(context);
        }

        if (context.Request.ContentLength > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }

        // A body sent without a length is cut off by the server at the same limit.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        return next(context);
    });
}
