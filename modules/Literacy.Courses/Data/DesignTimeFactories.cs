using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Literacy.Courses.Data;

// Used only by `dotnet ef migrations add`.
internal sealed class SqliteCoursesDbContextFactory : IDesignTimeDbContextFactory<SqliteCoursesDbContext>
{
    public SqliteCoursesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCoursesDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresCoursesDbContextFactory : IDesignTimeDbContextFactory<PostgresCoursesDbContext>
{
    public PostgresCoursesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCoursesDbContext>().UseNpgsql("Host=localhost").Options);
}
