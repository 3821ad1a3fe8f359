using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Literacy.Data;

/// <summary>
/// Lets SQLite itself wait for another connection's write (busy_timeout: retries after 1, 2, 5... ms) instead of
/// Microsoft.Data.Sqlite's own answer to a busy database, a 150 ms sleep before each retry. A request's write that met a
/// background commit used to stall for 150 ms, and every write queued behind it. A native call on each open (no
/// statement to prepare and run), since a pooled connection may come back as a new native one.
/// </summary>
public sealed class SqliteBusyWait : DbConnectionInterceptor
{
    public static readonly SqliteBusyWait Instance = new();

    private const int WaitMilliseconds = 10_000;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Wait(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Wait(connection);
        return Task.CompletedTask;
    }

    private static void Wait(DbConnection connection) => raw.sqlite3_busy_timeout(((SqliteConnection)connection).Handle, WaitMilliseconds);
}
