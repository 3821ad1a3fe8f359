using Literacy.Modules.Permissions;

namespace Literacy.Notifications;

public sealed class Permissions : IPermissionProvider
{
    /// <summary>Set the mail server, send a test email, see and resend failed email.</summary>
    public const string ManageEmail = "ManageEmail";

    IEnumerable<Permission> IPermissionProvider.Permissions =>
    [
        new(ManageEmail, "Set up email and see failed email", NotificationsModule.Id, [Roles.Administrator]),
    ];
}
