using Literacy.Modules.Navigation;
using Microsoft.Extensions.Localization;

namespace Literacy.CreditBank.Admin;

/// <summary>Tells the administration home page when the platform brought certification units the site can add (<see cref="UnitUpdates"/>).</summary>
public sealed class UnitUpdateNotices(UnitUpdates updates, IStringLocalizer<CreditBankModule> T) : IAdminNoticeSource
{
    public string Feature => CreditBankModule.Id;

    public string Permission => Permissions.ManageCreditBank;

    public async Task<IReadOnlyList<AdminNotice>> GetAsync(CancellationToken cancellationToken)
    {
        var ready = (await updates.OffersAsync(null, cancellationToken)).Count(o => o.AwaitsCourse is null);
        return ready == 0 ? [] : [new AdminNotice(T["Certification units that came with the platform, to add: {0}", ready], "/admin/credits#bundled-units")];
    }
}
