using Microsoft.EntityFrameworkCore;

namespace Literacy.Notifications.Data;

public class NotificationsDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<EmailPreference> Preferences => Set<EmailPreference>();

    public DbSet<SmtpSetting> SmtpSettings => Set<SmtpSetting>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.Entity<EmailPreference>(e =>
        {
            e.ToTable("EmailPreferences");
            e.HasKey(p => p.UserId);
            e.Property(p => p.UserId).HasMaxLength(450);
            e.Property(p => p.Culture).HasMaxLength(20);
            e.Property(p => p.Topics).HasMaxLength(200);
        });
        builder.Entity<SmtpSetting>(e =>
        {
            e.ToTable("SmtpSettings");
            e.Property(s => s.Host).HasMaxLength(200);
            e.Property(s => s.UserName).HasMaxLength(200);
            e.Property(s => s.ProtectedPassword).HasMaxLength(2000);
            e.Property(s => s.FromAddress).HasMaxLength(200);
            e.Property(s => s.FromName).HasMaxLength(100);
        });
    }
}

public sealed class SqliteNotificationsDbContext(DbContextOptions<SqliteNotificationsDbContext> options) : NotificationsDbContext(options);

public sealed class PostgresNotificationsDbContext(DbContextOptions<PostgresNotificationsDbContext> options) : NotificationsDbContext(options);
