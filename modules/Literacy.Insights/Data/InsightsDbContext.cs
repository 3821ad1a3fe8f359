using Microsoft.EntityFrameworkCore;

namespace Literacy.Insights.Data;

public class InsightsDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<LearnerFact> Learners => Set<LearnerFact>();

    public DbSet<EnrolmentFact> Enrolments => Set<EnrolmentFact>();

    public DbSet<LessonFact> Lessons => Set<LessonFact>();

    public DbSet<AnswerFact> Answers => Set<AnswerFact>();

    public DbSet<AwardFact> Awards => Set<AwardFact>();

    public DbSet<AttendanceFact> Attendances => Set<AttendanceFact>();

    public DbSet<ReportSnapshot> Reports => Set<ReportSnapshot>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.Entity<LearnerFact>(e =>
        {
            e.ToTable("InsightLearners");
            e.HasKey(l => l.UserId);
            e.Property(l => l.UserId).HasMaxLength(450);
            e.Property(l => l.AgeBand).HasMaxLength(20);
            e.Property(l => l.Region).HasMaxLength(10);
            e.Property(l => l.OccupationGroup).HasMaxLength(40);
        });
        builder.Entity<EnrolmentFact>(e =>
        {
            e.ToTable("InsightEnrolments");
            e.HasKey(x => new { x.UserId, x.CourseId });
            e.Property(x => x.UserId).HasMaxLength(450);
            e.Property(x => x.CourseId).HasMaxLength(60);
            e.Property(x => x.LastLessonId).HasMaxLength(60);
        });
        builder.Entity<LessonFact>(e =>
        {
            e.ToTable("InsightLessons");
            e.HasKey(x => new { x.UserId, x.CourseId, x.LessonId });
            e.Property(x => x.UserId).HasMaxLength(450);
            e.Property(x => x.CourseId).HasMaxLength(60);
            e.Property(x => x.LessonId).HasMaxLength(60);
        });
        builder.Entity<AnswerFact>(e =>
        {
            e.ToTable("InsightAnswers");
            e.HasKey(x => new { x.UserId, x.CourseId, x.QuizId, x.Question });
            e.HasIndex(x => new { x.CourseId, x.QuizId, x.Question, x.Right }); // covers the per-question counts
            e.Property(x => x.UserId).HasMaxLength(450);
            e.Property(x => x.CourseId).HasMaxLength(60);
            e.Property(x => x.QuizId).HasMaxLength(60);
        });
        builder.Entity<AwardFact>(e =>
        {
            e.ToTable("InsightAwards");
            e.HasKey(x => new { x.UserId, x.UnitId });
            e.Property(x => x.UserId).HasMaxLength(450);
            e.Property(x => x.UnitId).HasMaxLength(60);
            e.Property(x => x.Area).HasMaxLength(10);
        });
        builder.Entity<AttendanceFact>(e =>
        {
            e.ToTable("InsightAttendances");
            e.HasKey(x => new { x.UserId, x.ClassId });
            e.Property(x => x.UserId).HasMaxLength(450);
            e.Property(x => x.ClassId).HasMaxLength(60);
        });
        builder.Entity<ReportSnapshot>(e =>
        {
            e.ToTable("InsightReports");
            e.HasKey(r => r.Month);
            e.Property(r => r.Month).HasMaxLength(7);
        });
    }
}

public sealed class SqliteInsightsDbContext(DbContextOptions<SqliteInsightsDbContext> options) : InsightsDbContext(options);

public sealed class PostgresInsightsDbContext(DbContextOptions<PostgresInsightsDbContext> options) : InsightsDbContext(options);
