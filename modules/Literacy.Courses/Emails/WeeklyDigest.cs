using System.Globalization;
using Literacy.Courses.Data;
using Literacy.Courses.Lessons;
using Literacy.Modules;
using Literacy.Modules.Email;
using Literacy.Modules.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Literacy.Courses.Emails;

/// <summary>
/// Every Monday morning (08:00 in China), each learner who asked for it gets their week: lessons done in the last seven days
/// and where they stand in each course they have not finished, or finished this week. Once per learner and week, however often it runs.
/// </summary>
public sealed class WeeklyDigest(CoursesDbContext db, PublishedCourses courses, IEmails emails, SiteLinks links, TimeProvider clock) : IRecurringJob
{
    public string Id => "courses.weekly-digest";

    public string FeatureId => CoursesModule.Id;

    public string Cron => "0 0 * * 1";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var weekAgo = now.AddDays(-7);
        var week = $"{ISOWeek.GetYear(now)}-W{ISOWeek.GetWeekOfYear(now):00}";
        var enrolments = await db.Enrolments.AsNoTracking()
            .Where(e => e.CompletedUtc == null || e.CompletedUtc >= weekAgo).ToListAsync(cancellationToken);
        var wanted = await emails.SubscribersAsync(EmailTopic.WeeklyDigest, enrolments.Select(e => e.UserId).Distinct(), cancellationToken);
        var published = (await courses.AllAsync(cancellationToken)).ToDictionary(c => c.Manifest.Id);
        foreach (var learner in enrolments.Where(e => wanted.Contains(e.UserId)).GroupBy(e => e.UserId))
        {
            var done = await db.LessonCompletions.AsNoTracking().Where(l => l.UserId == learner.Key)
                .Select(l => new { l.CourseId, l.LessonId, l.CompletedUtc }).ToListAsync(cancellationToken);
            var rows = learner.Where(e => published.ContainsKey(e.CourseId)).Select(e =>
            {
                var lessons = published[e.CourseId].Manifest.Lessons;
                return new DigestCourse(e.CourseId, done.Count(d => d.CourseId == e.CourseId && lessons.Contains(d.LessonId)), lessons.Count, e.CompletedUtc is not null);
            }).ToList();
            if (rows.Count > 0)
            {
                var email = new WeeklyDigestEmail(done.Count(d => d.CompletedUtc >= weekAgo), rows, links.To("/courses"));
                await emails.QueueAsync(db, learner.Key, email, $"weekly-digest:{week}:{learner.Key}", cancellationToken);
            }
        }
    }
}
