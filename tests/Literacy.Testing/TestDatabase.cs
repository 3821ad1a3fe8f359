using Literacy.Data;
using Npgsql;

namespace Literacy.Testing;

/// <summary>
/// A real, empty database for one test platform: a SQLite file in a temp folder, or a fresh database
/// on the PostgreSQL server that scripts/services.sh starts (its address in TEST_POSTGRES).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(DatabaseProvider provider, string dataFolder, string? connectionString, string? postgresName)
    {
        Provider = provider;
        DataFolder = dataFolder;
        ConnectionString = connectionString;
        PostgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }

    public string DataFolder { get; }

    public string? ConnectionString { get; }

    private string? PostgresName { get; }

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = Provider.ToString(),
        ["Database:DataFolder"] = DataFolder,
        ["ConnectionStrings:Literacy"] = ConnectionString ?? string.Empty,
    };

    public static TestDatabase Create(DatabaseProvider provider)
    {
        var folder = Path.Combine(Path.GetTempPath(), "literacy-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        if (provider == DatabaseProvider.Sqlite)
        {
            return new TestDatabase(provider, folder, null, null);
        }

        var name = $"literacy_test_{Guid.NewGuid():N}";
        var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name };
        return new TestDatabase(provider, folder, builder.ConnectionString, name);
    }

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "TEST_POSTGRES is not set. Run the tests with scripts/test.sh, or start the services with scripts/services.sh start and source .artifacts/services.env.");

    public async ValueTask DisposeAsync()
    {
        if (PostgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(ServerConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{PostgresName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS to clean from /tmp.
        }
    }
}
