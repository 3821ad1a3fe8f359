using System.Data.Common;
using System.Globalization;
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
        var awards = new List<AwardRow>();
        var classes = new Dictionary<string, int>(StringComparer.Ordinal);
        var attendances = new List<AttendanceRow>();

        // Plain data readers, read synchronously row by row: several times faster than materialising entities, and this
        // reads a few hundred thousand rows.
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            ReadRows(connection, "SELECT \"UserId\", \"OccupationGroup\", \"Region\", \"AgeBand\" FROM \"InsightLearners\"", r =>
            {
                var i = LearnerOf(r.GetString(0));
                group[i] = DimensionKeys.IndexOf(keys.Groups, Text(r, 1));
                region[i] = DimensionKeys.IndexOf(keys.Regions, Text(r, 2));
                age[i] = DimensionKeys.IndexOf(keys.AgeBands, Text(r, 3));
            });

            ReadRows(connection, "SELECT \"UserId\", \"CourseId\", \"EnrolledUtc\", \"CompletedUtc\", \"LessonsDone\", \"LastLessonId\" FROM \"InsightEnrolments\"", r =>
            {
                var course = CourseOf(r.GetString(1));
                var last = Text(r, 5) is { } lessonId ? IndexOfLesson(courses[course].Lessons, lessonId) : -1;
                enrolments.Add(new EnrolmentRow(LearnerOf(r.GetString(0)), course, FactSet.Day(r.GetDateTime(2)), r.IsDBNull(3) ? EnrolmentRow.Never : FactSet.Day(r.GetDateTime(3)),
                    (short)Math.Min(r.GetInt32(4), short.MaxValue), (short)last));
            });

            ReadRows(connection, "SELECT \"UserId\", \"Area\", \"Level\", \"Credits\", \"EarnedUtc\" FROM \"InsightAwards\"", r =>
            {
                awards.Add(new AwardRow(LearnerOf(r.GetString(0)), DimensionKeys.IndexOf(keys.Areas, r.GetString(1)),
                    DimensionKeys.IndexOf(keys.Levels, r.GetInt32(2).ToString(CultureInfo.InvariantCulture)), r.GetInt32(3), FactSet.Day(r.GetDateTime(4))));
            });

            ReadRows(connection, "SELECT \"UserId\", \"ClassId\", \"Minutes\", \"AttendedUtc\" FROM \"InsightAttendances\"", r =>
            {
                var classId = r.GetString(1);
                if (!classes.TryGetValue(classId, out var c))
                {
                    c = classes.Count;
                    classes.Add(classId, c);
                }

                attendances.Add(new AttendanceRow(LearnerOf(r.GetString(0)), c, r.GetInt32(2), FactSet.Day(r.GetDateTime(3))));
            });
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
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

    private static void ReadRows(DbConnection connection, string sql, Action<DbDataReader> row)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            row(reader);
        }
    }

    private static string? Text(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

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
