using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Literacy.LiveClasses.Data;

// Used only by `dotnet ef migrations add`.
internal sealed class SqliteLiveClassesDbContextFactory : IDesignTimeDbContextFactory<SqliteLiveClassesDbContext>
{
    public SqliteLiveClassesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteLiveClassesDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresLiveClassesDbContextFactory : IDesignTimeDbContextFactory<PostgresLiveClassesDbContext>
{
    public PostgresLiveClassesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresLiveClassesDbContext>().UseNpgsql("Host=localhost").Options);
}
