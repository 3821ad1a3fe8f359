using Microsoft.EntityFrameworkCore;

namespace Literacy.Data;

/// <summary>
/// SQLite has one writer per database file. The group-commit writers of this process take turns here, in order, rather
/// than poll SQLite's lock (<see cref="SqliteBusyWait"/>) against each other. PostgreSQL needs no turns.
/// </summary>
public sealed class SqliteWriteGate
{
    private readonly SemaphoreSlim turn = new(1, 1);

    public async Task<IDisposable> EnterAsync(DbContext db)
    {
        if (!db.Database.IsSqlite())
        {
            return Turn.None;
        }

        await turn.WaitAsync();
        return new Turn(turn);
    }

    private sealed class Turn(SemaphoreSlim? turn) : IDisposable
    {
        public static readonly Turn None = new(null);

        public void Dispose() => turn?.Release();
    }
}
