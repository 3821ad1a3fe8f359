using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Literacy.Data;

/// <summary>
/// A query that EF Core compiles once, for a hot path (every signed-in page view asks it), so it is not translated again
/// on each call. EF binds a compiled query to the database provider it first ran on; a module's context has a subclass
/// per provider and the tests run SQLite and PostgreSQL in one process, so this keeps one compilation per context type.
/// </summary>
public sealed class CompiledQuery<TQuery>(Func<TQuery> compile)
    where TQuery : Delegate
{
    private readonly ConcurrentDictionary<Type, TQuery> byContext = new();

    public TQuery For(DbContext db) => byContext.GetOrAdd(db.GetType(), _ => compile());
}
