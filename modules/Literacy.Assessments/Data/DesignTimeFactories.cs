using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Literacy.Assessments.Data;

// Used only by `dotnet ef migrations add`.
internal sealed class SqliteAssessmentsDbContextFactory : IDesignTimeDbContextFactory<SqliteAssessmentsDbContext>
{
    public SqliteAssessmentsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAssessmentsDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresAssessmentsDbContextFactory : IDesignTimeDbContextFactory<PostgresAssessmentsDbContext>
{
    public PostgresAssessmentsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAssessmentsDbContext>().UseNpgsql("Host=localhost").Options);
}
