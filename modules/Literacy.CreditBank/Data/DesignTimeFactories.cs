using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Literacy.CreditBank.Data;

// Used only by `dotnet ef migrations add`.
internal sealed class SqliteCreditBankDbContextFactory : IDesignTimeDbContextFactory<SqliteCreditBankDbContext>
{
    public SqliteCreditBankDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCreditBankDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresCreditBankDbContextFactory : IDesignTimeDbContextFactory<PostgresCreditBankDbContext>
{
    public PostgresCreditBankDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCreditBankDbContext>().UseNpgsql("Host=localhost").Options);
}
