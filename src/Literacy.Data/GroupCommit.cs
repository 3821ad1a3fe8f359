using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Data;

/// <summary>
/// Group commit: writes that arrive together share one transaction and one commit (one fsync) instead of one each.
/// A caller's work runs on the writer's own DbContext inside the shared transaction, in the caller's execution context,
/// and saves its changes itself; its task completes only after the commit, so a completed task means a durable write.
/// If any work in a batch fails, the batch is rolled back and each work runs again alone (with retries for races with
/// other nodes), so one bad write never takes others down with it.
/// </summary>
public sealed class GroupCommit<TContext> : IAsyncDisposable
    where TContext : DbContext
{
    private const int MaxBatch = 64;
    private const int MaxAttempts = 20;

    private readonly IServiceScopeFactory scopes;
    private readonly SqliteWriteGate gate;
    private readonly Channel<Work> queue = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task writer;

    public GroupCommit(IServiceScopeFactory scopes, SqliteWriteGate gate)
    {
        (this.scopes, this.gate) = (scopes, gate);
        writer = Task.Run(WriteAsync);
    }

    public async Task<T> RunAsync<T>(Func<TContext, Task<T>> work, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!queue.Writer.TryWrite(new Work(async db => await work(db), done, ExecutionContext.Capture())))
        {
            throw new ObjectDisposedException(nameof(GroupCommit<TContext>));
        }

        // Waiting can be given up; the write itself, once queued, goes ahead or fails on its own.
        return (T)(await done.Task.WaitAsync(cancellationToken))!;
    }

    private async Task WriteAsync()
    {
        var batch = new List<Work>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var work))
            {
                batch.Add(work);
            }

            List<object?>? results = null;
            try
            {
                results = await InTransactionAsync(batch);
            }
            catch (Exception)
            {
                // One of them broke the batch, or the database refused: each goes again alone.
            }

            for (var i = 0; i < batch.Count; i++)
            {
                if (results is not null)
                {
                    batch[i].Done.TrySetResult(results[i]);
                }
                else
                {
                    await AloneAsync(batch[i]);
                }
            }
        }
    }

    private async Task AloneAsync(Work work)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                work.Done.TrySetResult((await InTransactionAsync([work]))[0]);
                return;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                await Task.Delay(Random.Shared.Next(1, 5 * attempt)); // another node got there first: read again
            }
            catch (Exception e)
            {
                work.Done.TrySetException(e);
                return;
            }
        }
    }

    private async Task<List<object?>> InTransactionAsync(List<Work> works)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        using var turn = await gate.EnterAsync(db);
        // SQLite: BEGIN IMMEDIATE, so writers of other processes queue instead of colliding.
        await using var transaction = await db.Database.BeginTransactionAsync();
        var results = new List<object?>(works.Count);
        foreach (var work in works)
        {
            results.Add(await work.RunAsCallerAsync(db));
        }

        await transaction.CommitAsync();
        return results;
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await writer;
    }

    private sealed record Work(Func<TContext, Task<object?>> Run, TaskCompletionSource<object?> Done, ExecutionContext? Caller)
    {
        /// <summary>
        /// Runs the work in its caller's execution context, so that it sees what the caller would (the request's user, who is
        /// audited as the actor, and the page's culture) rather than whatever the writer's loop began with.
        /// </summary>
        public Task<object?> RunAsCallerAsync(TContext db)
        {
            if (Caller is null)
            {
                return Run(db);
            }

            Task<object?>? running = null;
            ExecutionContext.Run(Caller, _ => running = Run(db), null);
            return running!;
        }
    }
}
