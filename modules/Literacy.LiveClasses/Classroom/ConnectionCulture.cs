using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.SignalR;

namespace Literacy.LiveClasses.Classroom;

/// <summary>
/// Runs each hub call in the language the page was opened in (the connection's request culture), so refusals reach a
/// learner in their own language: hub calls do not pass through the request-localization middleware.
/// </summary>
public sealed class ConnectionCulture : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (invocationContext.Context.GetHttpContext()?.Features.Get<IRequestCultureFeature>()?.RequestCulture is { } culture)
        {
            CultureInfo.CurrentCulture = culture.Culture;
            CultureInfo.CurrentUICulture = culture.UICulture;
        }

        return await next(invocationContext);
    }
}
