using Microsoft.EntityFrameworkCore;

namespace Literacy.Courses.Data;

public class CoursesDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Course> Courses => Set<Course>();

    public DbSet<CourseVersion> Versions => Set<CourseVersion>();

    public DbSet<LessonContent> Lessons => Set<LessonContent>();

    public DbSet<BlockContent> Blocks => Set<BlockContent>();

    public DbSet<MediaFile> Media => Set<MediaFile>();

    public DbSet<Enrolment> Enrolments => Set<Enrolment>();

    public DbSet<LessonCompletion> LessonCompletions => Set<LessonCompletion>();

    public DbSet<CourseTrainer> Trainers => Set<CourseTrainer>();

    public DbSet<InterestTag> InterestTags => Set<InterestTag>();

    public DbSet<RecommendationsOff> RecommendationsOff => Set<RecommendationsOff>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.Entity<Course>(e =>
        {
            e.ToTable("Courses");
            e.Property(c => c.Id).HasMaxLength(60);
            e.Property(c => c.PublishedVersion).HasMaxLength(32);
            e.Property(c => c.PreviousVersion).HasMaxLength(32);
        });
        builder.Entity<CourseVersion>(e =>
        {
            e.ToTable("CourseVersions");
            e.HasKey(v => new { v.CourseId, v.Version });
            e.Property(v => v.CourseId).HasMaxLength(60);
            e.Property(v => v.Version).HasMaxLength(32);
            e.Property(v => v.InstalledBy).HasMaxLength(256);
            e.Property(v => v.Status).HasConversion<string>().HasMaxLength(16);
        });
        builder.Entity<LessonContent>(e =>
        {
            e.ToTable("CourseLessons");
            e.HasKey(l => new { l.CourseId, l.Version, l.LessonId, l.Culture });
            e.Property(l => l.Title).HasMaxLength(100);
        });
        builder.Entity<BlockContent>(e =>
        {
            e.ToTable("CourseBlocks");
            e.HasKey(b => new { b.CourseId, b.Version, b.BlockId, b.Culture });
            e.Property(b => b.Type).HasMaxLength(32);
        });
        builder.Entity<MediaFile>(e =>
        {
            e.ToTable("CourseMedia");
            e.HasKey(m => new { m.CourseId, m.Version, m.Path });
            e.Property(m => m.Sha256).HasMaxLength(64);
            e.Property(m => m.ContentType).HasMaxLength(64);
        });
        builder.Entity<Enrolment>(e =>
        {
            e.ToTable("Enrolments");
            e.HasKey(x => new { x.UserId, x.CourseId });
            // A course's learners, and its completions since a time (the credit bank's sweep for unpaid ones, every five minutes).
            e.HasIndex(x => new { x.CourseId, x.CompletedUtc });
            e.Property(x => x.CompletedVersion).HasMaxLength(32);
        });
        builder.Entity<LessonCompletion>(e =>
        {
            e.ToTable("LessonCompletions");
            e.HasKey(x => new { x.UserId, x.CourseId, x.LessonId });
        });
        builder.Entity<CourseTrainer>(e =>
        {
            e.ToTable("CourseTrainers");
            e.HasKey(x => new { x.CourseId, x.UserId });
        });
        builder.Entity<InterestTag>(e =>
        {
            e.ToTable("InterestTags");
            e.HasKey(x => new { x.UserId, x.Tag });
            e.Property(x => x.Tag).HasMaxLength(40);
        });
        builder.Entity<RecommendationsOff>(e =>
        {
            e.ToTable("RecommendationsOff");
            e.HasKey(x => x.UserId);
        });
    }
}

public sealed class SqliteCoursesDbContext(DbContextOptions<SqliteCoursesDbContext> options) : CoursesDbContext(options);

public sealed class PostgresCoursesDbContext(DbContextOptions<PostgresCoursesDbContext> options) : CoursesDbContext(options);
