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
        Armed && matches(command.CommandText)
            ? throw new IOException($"Simulated failure: {failure}")
            : base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
}
