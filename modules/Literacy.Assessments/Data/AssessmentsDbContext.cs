using Microsoft.EntityFrameworkCore;

namespace Literacy.Assessments.Data;

/// <summary>One graded submission of a quiz. <see cref="SubmissionId"/> comes from the form, so a replayed post is recognised.</summary>
public sealed class QuizAttempt
{
    public Guid Id { get; set; }

    public Guid SubmissionId { get; set; }

    public required string UserId { get; set; }

    public required string CourseId { get; set; }

    public required string QuizId { get; set; }

    /// <summary>
    /// Which of the learner's tries of this quiz it is (1, 2, ...), across the course's versions as the limit counts them.
    /// Unique, so two tries sent at once cannot both take the last one.
    /// </summary>
    public int Number { get; set; }

    public required string Version { get; set; }

    public double Score { get; set; }

    public required string AnswersJson { get; set; }

    public required string ResultsJson { get; set; }

    public DateTime SubmittedUtc { get; set; }
}

public class AssessmentsDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<QuizAttempt> Attempts => Set<QuizAttempt>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.Entity<QuizAttempt>(e =>
        {
            e.ToTable("QuizAttempts");
            e.HasIndex(a => new { a.UserId, a.SubmissionId }).IsUnique();
            e.HasIndex(a => new { a.UserId, a.CourseId, a.QuizId, a.Number }).IsUnique();
            e.Property(a => a.CourseId).HasMaxLength(60);
            e.Property(a => a.QuizId).HasMaxLength(60);
            e.Property(a => a.Version).HasMaxLength(32);
        });
    }
}

public sealed class SqliteAssessmentsDbContext(DbContextOptions<SqliteAssessmentsDbContext> options) : AssessmentsDbContext(options);

public sealed class PostgresAssessmentsDbContext(DbContextOptions<PostgresAssessmentsDbContext> options) : AssessmentsDbContext(options);
