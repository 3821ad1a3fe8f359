using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Literacy.Testing;

/// <summary>
/// While armed, fails every write statement whose SQL <paramref name="matches"/>, as a full disk or a lost connection at
/// that statement would. Give it to a <see cref="FaultySite"/>.
/// </summary>
public sealed class FailingStatement(Func<string, bool> matches, string failure) : DbCommandInterceptor
{
    public bool Armed { get; set; }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        Fails(command) ? throw Failure() : base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);

    /// <summary>SaveChanges sends its inserts as reader commands (they read back generated values).</summary>
    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        Fails(command) ? throw Failure() : base.ReaderExecutingAsync(command, eventData, result, cancellationToken);

    private bool Fails(DbCommand command) => Armed && matches(command.CommandText);

    private IOException Failure() => new($"Simulated failure: {failure}");
}
