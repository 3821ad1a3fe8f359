using System.Security.Claims;
using Literacy.Modules.Features;
using Literacy.Modules.Permissions;

namespace Literacy.Modules.Navigation;

/// <summary>Something waiting for an administrator, shown at the top of the administration home page with a link to where it is done.</summary>
public sealed record AdminNotice(string Text, string Url);

/// <summary>A module's source of <see cref="AdminNotice"/>s; asked only when its feature is on and the user holds its permission.</summary>
public interface IAdminNoticeSource
{
    string Feature { get; }

    string Permission { get; }

    Task<IReadOnlyList<AdminNotice>> GetAsync(CancellationToken cancellationToken);
}

/// <summary>The notices of every module for the current administrator, leaving out what they cannot reach.</summary>
public sealed class AdminNotices(IEnumerable<IAdminNoticeSource> sources, SiteState state, PermissionCatalog permissions)
{
    public async Task<IReadOnlyList<AdminNotice>> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var notices = new List<AdminNotice>();
        foreach (var source in sources.Where(s => state.IsEnabled(s.Feature) && permissions.IsGranted(user, s.Permission)))
        {
            notices.AddRange(await source.GetAsync(cancellationToken));
        }

        return notices;
    }
}
