using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Literacy.Data;

/// <summary>
/// Lets SQLite itself wait for another connection's write (busy_timeout: retries after 1, 2, 5... ms) instead of
/// Microsoft.Data.Sqlite's own answer to a busy database, a 150 ms sleep before each retry. A request's write that met a
/// background commit used to stall for 150 ms, and every write queued behind it.
/// </summary>
public sealed class SqliteBusyWait : DbConnectionInterceptor
{
    public static readonly SqliteBusyWait Instance = new();

    private const string Pragma = "PRAGMA busy_timeout = 10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
