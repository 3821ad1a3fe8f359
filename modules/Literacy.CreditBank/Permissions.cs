using Literacy.Modules.Permissions;

namespace Literacy.CreditBank;

public sealed class Permissions : IPermissionProvider
{
    /// <summary>Certification units, the ledger check, revocation and the issuer's keys.</summary>
    public const string ManageCreditBank = "ManageCreditBank";

    IEnumerable<Permission> IPermissionProvider.Permissions =>
    [
        new(ManageCreditBank, "Manage certification units, verify the ledger, revoke credentials", CreditBankModule.Id, [Roles.Administrator]),
    ];
}
