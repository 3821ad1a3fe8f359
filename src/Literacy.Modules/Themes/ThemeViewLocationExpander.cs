using Literacy.Modules.Features;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Modules.Themes;

/// <summary>
/// Looks for a view first in the site theme, then in its base themes, then where MVC normally looks
/// (the host's and the modules' own views). A theme overrides any view by putting a file at the same path under Themes/{Id}/.
/// </summary>
public sealed class ThemeViewLocationExpander : IViewLocationExpander
{
    private const string Key = "theme";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        var state = context.ActionContext.HttpContext.RequestServices.GetRequiredService<SiteState>();
        var themes = context.ActionContext.HttpContext.RequestServices.GetRequiredService<ThemeCatalog>();
        context.Values[Key] = (themes.Find(state.ThemeId) ?? themes.Default).Id;
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        var themes = context.ActionContext.HttpContext.RequestServices.GetRequiredService<ThemeCatalog>();
        var locations = viewLocations.ToList();
        var chain = themes.Chain(context.Values.TryGetValue(Key, out var id) ? id : null);
        return chain.SelectMany(theme => locations.Select(l => $"/Themes/{theme.Id}{l}")).Concat(locations);
    }
}
