using Microsoft.AspNetCore.Http;

namespace Literacy.Modules.Features;

/// <summary>Answers 404 for an endpoint whose feature is switched off, as if it did not exist.</summary>
public sealed class FeatureGateMiddleware(RequestDelegate next, SiteState state)
{
    public Task InvokeAsync(HttpContext context)
    {
        var feature = context.GetEndpoint()?.Metadata.GetMetadata<FeatureAttribute>();
        if (feature is not null && !state.IsEnabled(feature.FeatureId))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        return next(context);
    }
}
