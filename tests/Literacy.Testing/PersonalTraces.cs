using System.Data.Common;
using System.Text.Json;
using Literacy.Data;
using Literacy.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Testing;

/// <summary>
/// Searches every text column of every table of the site's database for a piece of personal data, knowing no table by name,
/// so that a table a module adds later is searched too.
/// </summary>
public static class PersonalTraces
{
    /// <summary>"table.column" for each column that holds <paramref name="text"/> (as written, or escaped inside JSON), case-insensitively.</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(PlatformFactory site, string text)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Database.GetDbConnection();
        await connection.OpenAsync();
        var postgres = site.Database.Provider == DatabaseProvider.PostgreSql;
        var columns = new List<(string Table, string Column)>();
        if (postgres)
        {
            await using var list = Command(connection, """
                SELECT '"' || table_schema || '"."' || table_name || '"', column_name FROM information_schema.columns
                WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')
                """);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        else
        {
            var tables = new List<string>();
            await using (var list = Command(connection, "SELECT name FROM sqlite_master WHERE type = 'table'"))
            await using (var reader = await list.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            foreach (var table in tables)
            {
                await using var info = Command(connection, $"SELECT name, type FROM pragma_table_info('{table}')");
                await using var reader = await info.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    if (reader.GetString(1).ToUpperInvariant() is "TEXT" or "" || reader.GetString(1).Contains("CHAR", StringComparison.OrdinalIgnoreCase))
                    {
                        columns.Add(($"\"{table}\"", reader.GetString(0)));
                    }
                }
            }
        }

        var forms = new[] { text, JsonSerializer.Serialize(text).Trim('"') }.Distinct().Select(f => f.ToLowerInvariant()).ToList();
        var position = postgres ? "strpos" : "instr"; // not LIKE: PostgreSQL reads a backslash in a pattern as an escape
        var found = new List<string>();
        foreach (var (table, column) in columns)
        {
            foreach (var form in forms)
            {
                await using var search = Command(connection, $"SELECT COUNT(*) FROM {table} WHERE {position}(lower(CAST(\"{column}\" AS TEXT)), @needle) > 0");
                var needle = search.CreateParameter();
                (needle.ParameterName, needle.Value) = ("@needle", form);
                search.Parameters.Add(needle);
                if (Convert.ToInt64(await search.ExecuteScalarAsync()) > 0)
                {
                    found.Add($"{table.Replace("\"", "", StringComparison.Ordinal)}.{column}");
                    break;
                }
            }
        }

        return found;
    }

    private static DbCommand Command(DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
