using System.Security.Claims;
using Literacy.Modules.Features;
using Literacy.Modules.Permissions;

namespace Literacy.Modules.Navigation;

/// <summary>Builds a menu for the current user from every provider, leaving out what they cannot reach.</summary>
public sealed class Navigation(IEnumerable<INavigationProvider> providers, SiteState state, PermissionCatalog permissions)
{
    public IReadOnlyList<MenuItem> Build(string menu, ClaimsPrincipal user)
    {
        var items = new List<MenuItem>();
        foreach (var provider in providers)
        {
            provider.Build(menu, items);
        }

        return items
            .Where(i => i.Feature is null || state.IsEnabled(i.Feature))
            .Where(i => i.Permission is null || permissions.IsGranted(user, i.Permission))
            .Where(i => !i.SignedIn || user.Identity?.IsAuthenticated == true)
            .OrderBy(i => i.Order)
            .ToList();
    }
}
