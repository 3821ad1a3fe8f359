using System.Security.Claims;
using Literacy.Modules.Features;

namespace Literacy.Modules.Permissions;

/// <summary>Every permission the modules declare, and whether a user holds one right now.</summary>
public sealed class PermissionCatalog
{
    private readonly Dictionary<string, Permission> _permissions;
    private readonly SiteState _state;

    public PermissionCatalog(IEnumerable<IPermissionProvider> providers, SiteState state)
    {
        _state = state;
        _permissions = providers.SelectMany(p => p.Permissions).ToDictionary(p => p.Name, StringComparer.Ordinal);
    }

    public IEnumerable<Permission> All => _permissions.Values;

    public Permission? Find(string name) => _permissions.GetValueOrDefault(name);

    /// <summary>A permission of a switched-off feature is held by nobody.</summary>
    public bool IsGranted(ClaimsPrincipal user, string permissionName)
    {
        if (!_permissions.TryGetValue(permissionName, out var permission) || (permission.Feature is not null && !_state.IsEnabled(permission.Feature)))
        {
            return false;
        }

        return user.IsInRole(Roles.Administrator) || permission.Roles.Any(user.IsInRole);
    }
}
