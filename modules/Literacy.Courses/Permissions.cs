using Literacy.Modules.Permissions;

namespace Literacy.Courses;

public sealed class Permissions : IPermissionProvider
{
    /// <summary>Upload, preview, publish and restore course packages.</summary>
    public const string ManageCourses = "ManageCourses";

    IEnumerable<Permission> IPermissionProvider.Permissions =>
    [
        new(ManageCourses, "Upload, publish and restore course packages", CoursesModule.Id, [Roles.Administrator]),
    ];
}
