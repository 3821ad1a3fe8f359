using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Literacy.Jobs.Outbox;

// Used only by `dotnet ef migrations add`.
internal sealed class SqliteOutboxDbContextFactory : IDesignTimeDbContextFactory<SqliteOutboxDbContext>
{
    public SqliteOutboxDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteOutboxDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresOutboxDbContextFactory : IDesignTimeDbContextFactory<PostgresOutboxDbContext>
{
    public PostgresOutboxDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresOutboxDbContext>().UseNpgsql("Host=localhost").Options);
}
