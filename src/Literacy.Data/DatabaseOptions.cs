namespace Literacy.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// Which database the platform uses. The embedded default is a SQLite file in <see cref="DataFolder"/>;
/// set <c>Database:Provider</c> to PostgreSql and <c>ConnectionStrings:Literacy</c> to switch.
/// </summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The connection string; for SQLite it defaults to literacy.db in the data folder.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where the SQLite file and other local data live.</summary>
    public string DataFolder { get; set; } = "App_Data";

    public string ResolvedConnectionString => Provider switch
    {
        DatabaseProvider.Sqlite => string.IsNullOrWhiteSpace(ConnectionString)
            ? $"Data Source={Path.Combine(DataFolder, "literacy.db")};Pooling=True"
            : ConnectionString,
        _ => string.IsNullOrWhiteSpace(ConnectionString)
            ? throw new DatabaseStartupException(
                "Database:Provider is PostgreSql but ConnectionStrings:Literacy is empty. Set it, e.g. Host=127.0.0.1;Database=literacy;Username=literacy;Password=...")
            : ConnectionString,
    };
}
