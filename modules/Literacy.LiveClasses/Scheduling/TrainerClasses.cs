using Literacy.LiveClasses.Data;
using Literacy.Modules.People;
using Microsoft.EntityFrameworkCore;

namespace Literacy.LiveClasses.Scheduling;

/// <summary>The classes a trainer runs: those they scheduled (<see cref="LiveClass.TrainerId"/>), as <see cref="ClassAccess.Teaches"/> decides for the classroom.</summary>
public sealed class TrainerClasses(LiveClassesDbContext db) : ITeaching
{
    public async Task<Taught> TaughtByAsync(string userId, CancellationToken cancellationToken) =>
        new(new HashSet<string>(), (await db.Classes.AsNoTracking().Where(c => c.TrainerId == userId).Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet());
}
