using Microsoft.EntityFrameworkCore;

namespace Literacy.LiveClasses.Data;

public class LiveClassesDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<LiveClass> Classes => Set<LiveClass>();

    public DbSet<SignUp> SignUps => Set<SignUp>();

    public DbSet<ClassEventRow> Events => Set<ClassEventRow>();

    public DbSet<AttendanceSegment> Segments => Set<AttendanceSegment>();

    public DbSet<Attendance> Attendances => Set<Attendance>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.Entity<LiveClass>(e =>
        {
            e.ToTable("LiveClasses");
            e.Property(c => c.Id).HasMaxLength(20);
            e.Property(c => c.Title).HasMaxLength(120);
            e.Property(c => c.CourseId).HasMaxLength(60);
            e.Property(c => c.TrainerId).HasMaxLength(450);
            e.Property(c => c.Slides).HasMaxLength(100_000);
            e.HasIndex(c => c.StartUtc);
            e.HasMany(c => c.SignUps).WithOne().HasForeignKey(s => s.ClassId);
            e.Ignore(c => c.ScheduledEndUtc);
        });
        builder.Entity<SignUp>(e =>
        {
            e.ToTable("LiveClassSignUps");
            e.HasKey(s => new { s.ClassId, s.UserId });
            e.HasIndex(s => s.UserId);
        });
        builder.Entity<ClassEventRow>(e =>
        {
            e.ToTable("LiveClassEvents");
            e.HasIndex(r => new { r.ClassId, r.Sequence }).IsUnique();
            e.Property(r => r.ClassId).HasMaxLength(20);
            e.Property(r => r.Kind).HasMaxLength(40);
        });
        builder.Entity<AttendanceSegment>(e =>
        {
            e.ToTable("LiveClassSegments");
            e.HasIndex(s => new { s.ClassId, s.UserId });
            e.HasIndex(s => s.LeftUtc);
            e.Property(s => s.ClassId).HasMaxLength(20);
        });
        builder.Entity<Attendance>(e =>
        {
            e.ToTable("LiveClassAttendance");
            e.HasKey(a => new { a.ClassId, a.UserId });
            e.HasIndex(a => a.UserId);
        });
    }
}

public sealed class SqliteLiveClassesDbContext(DbContextOptions<SqliteLiveClassesDbContext> options) : LiveClassesDbContext(options);

public sealed class PostgresLiveClassesDbContext(DbContextOptions<PostgresLiveClassesDbContext> options) : LiveClassesDbContext(options);
