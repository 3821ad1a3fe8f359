using Literacy.Insights.Data;
using Literacy.Modules.Competencies;
using Literacy.Modules.Lessons;
using Microsoft.EntityFrameworkCore;

namespace Literacy.Insights.Figures;

/// <summary>Reads the facts into a <see cref="FactSet"/>: a few sequential scans, no joins.</summary>
public sealed class FactLoader(InsightsDbContext db, ICourseOutlines outlines, ICompetencyFrameworkSource frameworks, TimeProvider clock)
{
    public async Task<FactSet> LoadAsync(CancellationToken cancellationToken)
    {
        var keys = DimensionKeys.From(await frameworks.CurrentAsync(cancellationToken));
        var published = (await outlines.PublishedAsync("en", cancellationToken)).ToDictionary(o => o.Id);
        var learners = new Dictionary<string, int>(StringComparer.Ordinal);
        List<byte> group = [], region = [], age = [];
        int LearnerOf(string userId)
        {
            if (!learners.TryGetValue(userId, out var index))
            {
                index = learners.Count;
                learners.Add(userId, index);
                group.Add(0);
                region.Add(0);
                age.Add(0);
            }

            return index;
        }

        await foreach (var l in db.Learners.AsNoTracking().Select(l => new { l.UserId, l.OccupationGroup, l.Region, l.AgeBand }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var i = LearnerOf(l.UserId);
            group[i] = DimensionKeys.IndexOf(keys.Groups, l.OccupationGroup);
            region[i] = DimensionKeys.IndexOf(keys.Regions, l.Region);
            age[i] = DimensionKeys.IndexOf(keys.AgeBands, l.AgeBand);
        }

        var courses = new List<CourseInfo>();
        var courseIndex = new Dictionary<string, short>(StringComparer.Ordinal);
        short CourseOf(string courseId)
        {
            if (!courseIndex.TryGetValue(courseId, out var index))
            {
                index = (short)courses.Count;
                courseIndex.Add(courseId, index);
                courses.Add(FactSet.Describe(courseId, published.GetValueOrDefault(courseId), keys));
            }

            return index;
        }

        foreach (var id in published.Keys)
        {
            CourseOf(id);
        }

        var enrolments = new List<EnrolmentRow>();
        await foreach (var e in db.Enrolments.AsNoTracking().Select(e => new { e.UserId, e.CourseId, e.EnrolledUtc, e.CompletedUtc, e.LessonsDone, e.LastLessonId })
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var course = CourseOf(e.CourseId);
            var last = e.LastLessonId is null ? -1 : IndexOfLesson(courses[course].Lessons, e.LastLessonId);
            enrolments.Add(new EnrolmentRow(LearnerOf(e.UserId), course, FactSet.Day(e.EnrolledUtc), e.CompletedUtc is { } c ? FactSet.Day(c) : EnrolmentRow.Never,
                (short)Math.Min(e.LessonsDone, short.MaxValue), (short)last));
        }

        var awards = new List<AwardRow>();
        await foreach (var a in db.Awards.AsNoTracking().Select(a => new { a.UserId, a.Area, a.Level, a.Credits, a.EarnedUtc }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            awards.Add(new AwardRow(LearnerOf(a.UserId), DimensionKeys.IndexOf(keys.Areas, a.Area),
                DimensionKeys.IndexOf(keys.Levels, a.Level.ToString(System.Globalization.CultureInfo.InvariantCulture)), a.Credits, FactSet.Day(a.EarnedUtc)));
        }

        var classes = new Dictionary<string, int>(StringComparer.Ordinal);
        var attendances = new List<AttendanceRow>();
        await foreach (var a in db.Attendances.AsNoTracking().Select(a => new { a.UserId, a.ClassId, a.Minutes, a.AttendedUtc }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!classes.TryGetValue(a.ClassId, out var c))
            {
                c = classes.Count;
                classes.Add(a.ClassId, c);
            }

            attendances.Add(new AttendanceRow(LearnerOf(a.UserId), c, a.Minutes, FactSet.Day(a.AttendedUtc)));
        }

        var questions = await db.Answers.AsNoTracking()
            .GroupBy(a => new { a.CourseId, a.QuizId, a.Question })
            .Select(g => new { g.Key.CourseId, g.Key.QuizId, g.Key.Question, Answered = g.Count(), Missed = g.Count(a => !a.Right) })
            .ToListAsync(cancellationToken);

        return new FactSet
        {
            BuiltUtc = clock.GetUtcNow().UtcDateTime,
            Keys = keys,
            Group = [.. group],
            Region = [.. region],
            Age = [.. age],
            Courses = courses,
            Classes = [.. classes.OrderBy(c => c.Value).Select(c => c.Key)],
            Enrolments = [.. enrolments.OrderBy(e => e.Learner)],
            Awards = [.. awards.OrderBy(a => a.Learner)],
            Attendances = [.. attendances.OrderBy(a => a.Learner)],
            Questions = [.. questions.Select(q => new QuestionStat(q.CourseId, q.QuizId, q.Question, q.Answered, q.Missed))],
        };
    }

    /// <summary>A lesson's position in the published course; a lesson since removed from it counts as -2 (not in the course now).</summary>
    private static int IndexOfLesson(IReadOnlyList<string> lessons, string lessonId)
    {
        for (var i = 0; i < lessons.Count; i++)
        {
            if (lessons[i] == lessonId)
            {
                return i;
            }
        }

        return -2;
    }
}
