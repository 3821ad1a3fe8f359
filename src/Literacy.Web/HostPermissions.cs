using Literacy.Modules.Permissions;

namespace Literacy.Web;

/// <summary>The host's own permissions: administration of the site itself.</summary>
public sealed class HostPermissions : IPermissionProvider
{
    public const string AccessAdmin = "AccessAdmin";
    public const string ManageUsers = "ManageUsers";
    public const string ManageModules = "ManageModules";
    public const string ManageAppearance = "ManageAppearance";
    public const string ManageJobs = "ManageJobs";
    public const string ReadAudit = "ReadAudit";
    public const string IssueSignInCards = "IssueSignInCards";
    public const string ManageAllSignInCards = "ManageAllSignInCards";

    public IEnumerable<Permission> Permissions =>
    [
        new(AccessAdmin, "Open the administration area", null, [Roles.Administrator]),
        new(ManageUsers, "Change users' roles", null, [Roles.Administrator]),
        new(ManageModules, "Switch features on and off", null, [Roles.Administrator]),
        new(ManageAppearance, "Choose the site theme", null, [Roles.Administrator]),
        new(ManageJobs, "See and run background jobs", null, [Roles.Administrator]),
        new(ReadAudit, "Read and check the audit trail", null, [Roles.Administrator]),
        new(IssueSignInCards, "Register learners in person and print their QR sign-in cards", null, [Roles.Trainer]),
        new(ManageAllSignInCards, "See, print and stop the sign-in cards of learners any trainer registered", null, [Roles.Administrator]),
    ];
}
