using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Literacy.Insights.Data;
using Literacy.Modules.Lessons;
using Literacy.Modules.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Literacy.Insights.Demo;

/// <summary>What a demo run wrote.</summary>
public sealed record DemoCounts(int Learners, int Enrolments, int Lessons, int Answers, int Awards, int Attendances, TimeSpan Took);

/// <summary>
/// A synthetic population written straight into the insights facts (no accounts, no courses' own data), for trying the
/// dashboard and for the benchmark: learners across regions, groups and ages, with enrolments over the last half year,
/// lessons done (learners drop out lesson by lesson), first-try quiz answers, units earned and live classes attended.
/// Seeded, so the same size gives the same population. Demo learners' ids start with "demo-"; a new run replaces them.
/// </summary>
public sealed class DemoPopulation(InsightsDbContext db, ICourseOutlines outlines, TimeProvider clock, ILogger<DemoPopulation> logger)
{
    public const string IdPrefix = "demo-";

    public async Task<DemoCounts> WriteAsync(int learners, int seed, CancellationToken cancellationToken)
    {
        var courses = await outlines.PublishedAsync("en", cancellationToken);
        if (courses.Count == 0)
        {
            throw new InvalidOperationException("No course is published: start the site once (the setup recipe publishes the bundled courses), then write the demo population.");
        }

        var took = Stopwatch.StartNew();
        var random = new Random(seed);
        var today = clock.GetUtcNow().UtcDateTime.Date;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                foreach (var table in new[] { "InsightLearners", "InsightEnrolments", "InsightLessons", "InsightAnswers", "InsightAwards", "InsightAttendances" })
                {
                    await using var delete = connection.CreateCommand();
                    delete.Transaction = transaction;
                    delete.CommandText = $"DELETE FROM \"{table}\" WHERE \"UserId\" LIKE '{IdPrefix}%'";
                    await delete.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
            }

            var batch = new Batch(connection);
            var learnerRows = new Rows(batch, "InsightLearners", ["UserId", "AgeBand", "Region", "OccupationGroup", "FirstActiveUtc"]);
            var enrolmentRows = new Rows(batch, "InsightEnrolments", ["UserId", "CourseId", "EnrolledUtc", "LessonsDone", "LastLessonId", "CompletedUtc"]);
            var lessonRows = new Rows(batch, "InsightLessons", ["UserId", "CourseId", "LessonId", "CompletedUtc"]);
            var answerRows = new Rows(batch, "InsightAnswers", ["UserId", "CourseId", "QuizId", "Question", "Right"]);
            var awardRows = new Rows(batch, "InsightAwards", ["UserId", "UnitId", "Area", "Level", "Credits", "EarnedUtc"]);
            var attendanceRows = new Rows(batch, "InsightAttendances", ["UserId", "ClassId", "Minutes", "AttendedUtc"]);
            var regionWeights = Regions.All.Select((r, i) => r.Code is "71" or "81" or "82" ? 1 : 4 + (i * 7 % 11)).ToArray();
            for (var n = 0; n < learners; n++)
            {
                var userId = $"{IdPrefix}{n:D7}";
                var age = Told(random, 0.9) ? LearnerProfile.AgeBands[Weighted(random, [18, 22, 25, 22, 13])] : null;
                var group = Told(random, 0.85) ? LearnerProfile.OccupationGroups[Weighted(random, age is "60-69" or "70-plus" ? [20, 5, 3, 5, 60, 5, 0, 2] : [30, 20, 8, 12, 2, 10, 10, 8])] : null;
                var region = Told(random, 0.9) ? Regions.All[Weighted(random, regionWeights)].Code : null;
                var first = today.AddDays(-random.Next(0, 182)).AddMinutes(random.Next(0, 1440));
                await learnerRows.AddAsync([userId, age, region, group, first], cancellationToken);

                var taken = 1 + Weighted(random, [18, 28, 27, 15, 12]);
                foreach (var course in courses.OrderBy(_ => random.Next()).Take(taken))
                {
                    var enrolled = first.AddDays(random.Next(0, Math.Max(1, (int)(today - first).TotalDays)));
                    // Each lesson, some learners drop out; elder learners a little more often at the start.
                    var keepOn = age is "70-plus" ? 0.78 : 0.86;
                    var done = 0;
                    while (done < course.Lessons.Count && random.NextDouble() < (done == 0 ? 0.9 : keepOn))
                    {
                        done++;
                    }

                    var at = enrolled;
                    for (var l = 0; l < done; l++)
                    {
                        at = at.AddHours(random.Next(2, 72));
                        await lessonRows.AddAsync([userId, course.Id, course.Lessons[l].Id, at], cancellationToken);
                    }

                    var completed = done == course.Lessons.Count && random.NextDouble() < 0.9;
                    await enrolmentRows.AddAsync([userId, course.Id, enrolled, done, done == 0 ? null : course.Lessons[done - 1].Id, completed ? at : null], cancellationToken);
                    if (done == course.Lessons.Count)
                    {
                        for (var q = 1; q <= 5; q++)
                        {
                            await answerRows.AddAsync([userId, course.Id, "final-check", q, random.NextDouble() > 0.1 + (q * 0.07)], cancellationToken);
                        }
                    }

                    if (completed)
                    {
                        await awardRows.AddAsync([userId, $"{IdPrefix}{course.Id}", course.Competencies.FirstOrDefault()?.Split('.')[0] ?? "1", course.Level, 2, at], cancellationToken);
                    }
                }

                if (random.NextDouble() < 0.4)
                {
                    foreach (var c in Enumerable.Range(0, 200).OrderBy(_ => random.Next()).Take(1 + random.Next(4)))
                    {
                        await attendanceRows.AddAsync([userId, $"{IdPrefix}class-{c}", random.Next(15, 61), first.AddDays(random.Next(0, 30))], cancellationToken);
                    }
                }
            }

            var counts = new DemoCounts(
                await learnerRows.FlushAsync(cancellationToken), await enrolmentRows.FlushAsync(cancellationToken), await lessonRows.FlushAsync(cancellationToken),
                await answerRows.FlushAsync(cancellationToken), await awardRows.FlushAsync(cancellationToken), await attendanceRows.FlushAsync(cancellationToken), took.Elapsed);
            logger.LogInformation("Insights demo population: {Counts}", counts);
            return counts;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static bool Told(Random random, double share) => random.NextDouble() < share;

    private static int Weighted(Random random, int[] weights)
    {
        var pick = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            pick -= weights[i];
            if (pick < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    /// <summary>One transaction shared by every table's rows (a connection holds one at a time), committed every 20,000 rows.</summary>
    private sealed class Batch(DbConnection connection)
    {
        private const int PerTransaction = 20_000;
        private DbTransaction? transaction;
        private int inTransaction;

        public DbConnection Connection => connection;

        public async Task<DbTransaction> TransactionAsync(CancellationToken cancellationToken) =>
            transaction ??= await connection.BeginTransactionAsync(cancellationToken);

        public async Task WroteAsync(int rows, bool commitNow, CancellationToken cancellationToken)
        {
            inTransaction += rows;
            if ((inTransaction >= PerTransaction || commitNow) && transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
                await transaction.DisposeAsync();
                transaction = null;
                inTransaction = 0;
            }
        }
    }

    /// <summary>Rows for one table, written 200 to a statement: fast on SQLite and PostgreSQL alike.</summary>
    private sealed class Rows(Batch batch, string table, string[] columns)
    {
        private const int PerStatement = 200;
        private readonly List<object?[]> pending = [];
        private DbCommand? full;
        private int written;

        private DbCommand Build(int rows)
        {
            var command = batch.Connection.CreateCommand();
            var sql = new StringBuilder($"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ");
            for (var r = 0; r < rows; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Length; c++)
                {
                    var name = string.Create(CultureInfo.InvariantCulture, $"@p{r}_{c}");
                    sql.Append(c == 0 ? name : $", {name}");
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = name;
                    command.Parameters.Add(parameter);
                }

                sql.Append(')');
            }

            command.CommandText = sql.ToString();
            return command;
        }

        public async Task AddAsync(object?[] row, CancellationToken cancellationToken)
        {
            pending.Add(row);
            if (pending.Count == PerStatement)
            {
                await WritePendingAsync(false, cancellationToken);
            }
        }

        /// <summary>Writes what is left, commits, and says how many rows were written in all.</summary>
        public async Task<int> FlushAsync(CancellationToken cancellationToken)
        {
            await WritePendingAsync(true, cancellationToken);
            if (full is not null)
            {
                await full.DisposeAsync();
                full = null;
            }

            return written;
        }

        private async Task WritePendingAsync(bool commitNow, CancellationToken cancellationToken)
        {
            if (pending.Count > 0)
            {
                // A full statement is built once and reused with new values (compiled once); the last, shorter one is built on its own.
                var command = pending.Count == PerStatement ? full ??= Build(PerStatement) : Build(pending.Count);
                command.Transaction = await batch.TransactionAsync(cancellationToken);
                for (var r = 0; r < pending.Count; r++)
                {
                    for (var c = 0; c < columns.Length; c++)
                    {
                        command.Parameters[(r * columns.Length) + c].Value = pending[r][c] ?? DBNull.Value;
                    }
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
                written += pending.Count;
                if (command != full)
                {
                    await command.DisposeAsync();
                }
            }

            await batch.WroteAsync(pending.Count, commitNow, cancellationToken);
            pending.Clear();
        }
    }
}
