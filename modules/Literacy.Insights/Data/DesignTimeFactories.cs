using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Literacy.Insights.Data;

// Used only by `dotnet ef migrations add`.
internal sealed class SqliteInsightsDbContextFactory : IDesignTimeDbContextFactory<SqliteInsightsDbContext>
{
    public SqliteInsightsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteInsightsDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresInsightsDbContextFactory : IDesignTimeDbContextFactory<PostgresInsightsDbContext>
{
    public PostgresInsightsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresInsightsDbContext>().UseNpgsql("Host=localhost").Options);
}
