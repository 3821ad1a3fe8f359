using Microsoft.EntityFrameworkCore;

namespace Literacy.Data;

/// <summary>
/// SQLite has one writer per database file. The group-commit writers of this process take turns here rather than collide
/// inside SQLite, whose driver answers a busy database by sleeping (about 150 ms a time). PostgreSQL needs no turns.
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
