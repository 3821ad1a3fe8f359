using Literacy.Courses.Data;
using Literacy.Courses.Packages;
using Literacy.Modules.Navigation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Literacy.Courses.Admin;

/// <summary>Tells the administration home page when the platform brought courses newer than the site's (<see cref="BundledCourses"/>).</summary>
public sealed class CourseUpdateNotices(CoursesDbContext db, BundledCourses bundled, IStringLocalizer<CoursesModule> T) : IAdminNoticeSource
{
    public string Feature => CoursesModule.Id;

    public string Permission => Permissions.ManageCourses;

    public async Task<IReadOnlyList<AdminNotice>> GetAsync(CancellationToken cancellationToken)
    {
        var installed = await db.Versions.Select(v => new ValueTuple<string, string>(v.CourseId, v.Version)).ToListAsync(cancellationToken);
        var newer = bundled.NewerThan(installed);
        return newer.Count == 0 ? [] : [new AdminNotice(T["Courses that came with the platform, to install: {0}", newer.Count], "/admin/courses#bundled")];
    }
}
