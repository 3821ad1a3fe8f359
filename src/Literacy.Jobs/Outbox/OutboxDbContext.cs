using Microsoft.EntityFrameworkCore;

namespace Literacy.Jobs.Outbox;

public class OutboxDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Table = "OutboxMessages";

    public DbSet<OutboxMessage> Messages => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder builder) => builder.Entity<OutboxMessage>(e =>
    {
        e.ToTable(Table);
        e.Property(m => m.Kind).HasMaxLength(40);
        e.Property(m => m.Key).HasMaxLength(200);
        e.Property(m => m.Node).HasMaxLength(100);
        e.Property(m => m.LastError).HasMaxLength(2000);
        e.HasIndex(m => m.Key).IsUnique();
        e.HasIndex(m => new { m.State, m.DueUtc });
    });
}

public sealed class SqliteOutboxDbContext(DbContextOptions<SqliteOutboxDbContext> options) : OutboxDbContext(options);

public sealed class PostgresOutboxDbContext(DbContextOptions<PostgresOutboxDbContext> options) : OutboxDbContext(options);
