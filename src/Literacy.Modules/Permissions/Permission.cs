namespace Literacy.Modules.Permissions;

/// <summary>
/// Something a user may do. Its name is also the authorization policy name, so
/// <c>[Authorize(Policy = CoursePermissions.Manage)]</c> checks it. Administrators hold every permission.
/// </summary>
/// <param name="Feature">The feature it belongs to, or null for the host's own permissions, which are always on.</param>
public sealed record Permission(string Name, string Description, string? Feature, IReadOnlyList<string> Roles);

/// <summary>Declares a module's permissions. Modules implement it in their Permissions.cs.</summary>
public interface IPermissionProvider
{
    IEnumerable<Permission> Permissions { get; }
}
