using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Literacy.Notifications.Data;

// Used only by `dotnet ef migrations add`.
internal sealed class SqliteNotificationsDbContextFactory : IDesignTimeDbContextFactory<SqliteNotificationsDbContext>
{
    public SqliteNotificationsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteNotificationsDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresNotificationsDbContextFactory : IDesignTimeDbContextFactory<PostgresNotificationsDbContext>
{
    public PostgresNotificationsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresNotificationsDbContext>().UseNpgsql("Host=localhost").Options);
}
