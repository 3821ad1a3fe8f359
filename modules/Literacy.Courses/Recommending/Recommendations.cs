using Literacy.Courses.Data;
using Literacy.Courses.Lessons;
using Microsoft.EntityFrameworkCore;

namespace Literacy.Courses.Recommending;

/// <summary>A suggested course and why: a course the learner finished for the same people, or else an interest they have.</summary>
public sealed record Recommendation(PublishedCourse Course, PublishedCourse? Finished, string? Interest);

/// <summary>What the catalog shows a signed-in learner: suggestions, or none when they switched them off.</summary>
public sealed record Suggestions(bool Personalised, IReadOnlyList<Recommendation> Courses);

/// <summary>
/// Suggests up to three published courses the learner has not joined, for the audiences of their interest tags, most
/// shared audiences first, then in catalog order. Nothing personal when the learner switched suggestions off.
/// </summary>
public sealed class Recommendations(CoursesDbContext db, TimeProvider clock)
{
    private const int Shown = 3;

    public async Task<Suggestions> ForAsync(string userId, IReadOnlyList<PublishedCourse> catalog, CancellationToken cancellationToken)
    {
        if (await db.RecommendationsOff.AnyAsync(o => o.UserId == userId, cancellationToken))
        {
            return new Suggestions(false, []);
        }

        var tags = await db.InterestTags.AsNoTracking().Where(t => t.UserId == userId).Select(t => t.Tag).ToListAsync(cancellationToken);
        var joined = await db.Enrolments.AsNoTracking().Where(e => e.UserId == userId).ToDictionaryAsync(e => e.CourseId, e => e.CompletedUtc, cancellationToken);
        var finished = catalog.Where(c => joined.GetValueOrDefault(c.Manifest.Id) is not null).ToList();
        var suggested = catalog
            .Where(c => !joined.ContainsKey(c.Manifest.Id))
            .Select(c => (Course: c, Shared: c.Manifest.Audiences.Intersect(tags).ToList()))
            .Where(c => c.Shared.Count > 0)
            .OrderByDescending(c => c.Shared.Count)
            .Take(Shown)
            .Select(c => new Recommendation(
                c.Course, finished.FirstOrDefault(f => f.Manifest.Audiences.Intersect(c.Shared).Any()), c.Shared[0]))
            .ToList();
        return new Suggestions(true, suggested);
    }

    public Task<List<InterestTag>> TagsAsync(string userId, CancellationToken cancellationToken) =>
        db.InterestTags.AsNoTracking().Where(t => t.UserId == userId).OrderBy(t => t.AddedUtc).ToListAsync(cancellationToken);

    public Task<bool> IsOffAsync(string userId, CancellationToken cancellationToken) =>
        db.RecommendationsOff.AnyAsync(o => o.UserId == userId, cancellationToken);

    public async Task SwitchAsync(string userId, bool personalised, CancellationToken cancellationToken)
    {
        if (personalised)
        {
            await db.RecommendationsOff.Where(o => o.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            return;
        }

        if (!await IsOffAsync(userId, cancellationToken))
        {
            db.RecommendationsOff.Add(new RecommendationsOff { UserId = userId, SinceUtc = clock.GetUtcNow().UtcDateTime });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear(); // a double click: already off
            }
        }
    }

    public Task<int> ForgetAsync(string userId, string tag, CancellationToken cancellationToken) =>
        db.InterestTags.Where(t => t.UserId == userId && t.Tag == tag).ExecuteDeleteAsync(cancellationToken);
}
