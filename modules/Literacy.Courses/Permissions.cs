using Literacy.Modules.Permissions;

namespace Literacy.Courses;

public sealed class Permissions : IPermissionProvider
{
    /// <summary>Upload, preview, publish and restore course packages.</summary>
    public const string ManageCourses = "ManageCourses";

    /// <summary>See the learners and progress of the courses one is assigned to (administrators: all courses).</summary>
    public const string ViewLearnerProgress = "ViewLearnerProgress";

    IEnumerable<Permission> IPermissionProvider.Permissions =>
    [
        new(ManageCourses, "Upload, publish and restore course packages", CoursesModule.Id, [Roles.Administrator]),
        new(ViewLearnerProgress, "See learners' progress in assigned courses", CoursesModule.Id, [Roles.Trainer]),
    ];
}
