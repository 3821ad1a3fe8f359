using Literacy.Courses.Data;
using Literacy.Modules.People;
using Microsoft.EntityFrameworkCore;

namespace Literacy.Courses.Trainers;

/// <summary>The courses a trainer is assigned to, the same rows <see cref="TrainerController"/> shows them.</summary>
public sealed class AssignedCourses(CoursesDbContext db) : ITeaching
{
    public async Task<Taught> TaughtByAsync(string userId, CancellationToken cancellationToken) =>
        new((await db.Trainers.AsNoTracking().Where(t => t.UserId == userId).Select(t => t.CourseId).ToListAsync(cancellationToken)).ToHashSet(), new HashSet<string>());
}
