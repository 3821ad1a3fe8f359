using System.Globalization;
using Literacy.Modules.Email;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;

namespace Literacy.Notifications.Sending;

public sealed record RenderedEmail(string Subject, string Html, string Text);

/// <summary>What the frame around every email shows: the body, and the ways to get less email.</summary>
public sealed record EmailFrame(string Subject, IHtmlContent Body, string? UnsubscribeUrl, string PreferencesUrl, string Language);

/// <summary>
/// Renders an email's Razor view in the recipient's language, outside any request, then puts it in the frame.
/// The plain-text part is made from the same HTML, so the two never say different things.
/// </summary>
public sealed class EmailRenderer(IRazorViewEngine views, ITempDataProvider tempData, IModelMetadataProvider metadata, IServiceProvider services)
{
    private const string Frame = "/Areas/Notifications/Views/Emails/_Frame.cshtml";

    public async Task<RenderedEmail> RenderAsync(IEmail email, CultureInfo culture, string? unsubscribeUrl, string preferencesUrl)
    {
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        try
        {
            var (body, viewData) = await RenderViewAsync(email.View, email);
            var subject = viewData["Subject"] as string
                ?? throw new InvalidOperationException($"The email view {email.View} sets no ViewData[\"Subject\"].");
            var (html, _) = await RenderViewAsync(Frame, new EmailFrame(subject, new HtmlString(body), unsubscribeUrl, preferencesUrl, culture.Name));
            return new RenderedEmail(subject, html, PlainText.From(html));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previous, previousUi);
        }
    }

    private async Task<(string Html, ViewDataDictionary ViewData)> RenderViewAsync(string path, object model)
    {
        var http = new DefaultHttpContext { RequestServices = services };
        var action = new ActionContext(http, new RouteData(), new ActionDescriptor());
        var found = views.GetView(executingFilePath: null, viewPath: path, isMainPage: true);
        var view = found.View ?? throw new InvalidOperationException($"No email view at {path}.");
        var viewData = new ViewDataDictionary(metadata, new ModelStateDictionary()) { Model = model };
        await using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var context = new ViewContext(action, view, viewData, new TempDataDictionary(http, tempData), writer, new HtmlHelperOptions());
        await view.RenderAsync(context);
        return (writer.ToString(), context.ViewData); // the page swaps in its own typed copy
    }
}
