using Literacy.Modules.Permissions;

namespace Literacy.LiveClasses;

public sealed class Permissions : IPermissionProvider
{
    /// <summary>Schedule live classes and teach them: one's own classes only.</summary>
    public const string ScheduleLiveClasses = "ScheduleLiveClasses";

    /// <summary>Act as the trainer in any class and see every register.</summary>
    public const string ManageAllLiveClasses = "ManageAllLiveClasses";

    IEnumerable<Permission> IPermissionProvider.Permissions =>
    [
        new(ScheduleLiveClasses, "Schedule and teach live classes", LiveClassesModule.Id, [Roles.Trainer]),
        new(ManageAllLiveClasses, "Run any live class and see every register", LiveClassesModule.Id, [Roles.Administrator]),
    ];
}
