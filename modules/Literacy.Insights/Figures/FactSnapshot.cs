using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Literacy.Insights.Figures;

/// <summary>
/// The facts in memory on this node, read again when older than <see cref="InsightsOptions.RefreshSeconds"/>. A page never
/// waits for a refresh once a snapshot exists: it gets the last one and the next is read in the background.
/// </summary>
public sealed class FactSnapshot(IServiceScopeFactory scopes, IOptions<InsightsOptions> options, TimeProvider clock, ILogger<FactSnapshot> logger)
{
    private readonly SemaphoreSlim reading = new(1, 1);
    private readonly Lock gate = new();
    private FactSet? current;
    private Task? background;

    public async Task<FactSet> CurrentAsync(CancellationToken cancellationToken)
    {
        var facts = current;
        var maxAge = TimeSpan.FromSeconds(options.Value.RefreshSeconds);
        if (facts is not null && clock.GetUtcNow().UtcDateTime - facts.BuiltUtc < maxAge)
        {
            return facts;
        }

        if (facts is null || maxAge <= TimeSpan.Zero)
        {
            return await ReadAsync(cancellationToken, unlessReadSince: facts is null ? DateTime.MinValue : null);
        }

        lock (gate)
        {
            background ??= Task.Run(async () =>
            {
                try
                {
                    await ReadAsync(CancellationToken.None);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    logger.LogWarning(ex, "Reading the insights facts failed; the pages keep the snapshot of {Built}", current?.BuiltUtc);
                }
                finally
                {
                    lock (gate)
                    {
                        background = null;
                    }
                }
            }, CancellationToken.None);
        }

        return facts;
    }

    /// <summary>Reads the facts now (the monthly report wants them as they are).</summary>
    public Task<FactSet> ReadAsync(CancellationToken cancellationToken) => ReadAsync(cancellationToken, unlessReadSince: null);

    /// <param name="unlessReadSince">Whoever waited for a read in progress (the warm-up at start) takes its result.</param>
    private async Task<FactSet> ReadAsync(CancellationToken cancellationToken, DateTime? unlessReadSince)
    {
        await reading.WaitAsync(cancellationToken);
        try
        {
            if (unlessReadSince is { } since && current is { } read && read.BuiltUtc >= since)
            {
                return read;
            }

            await using var scope = scopes.CreateAsyncScope();
            var took = Stopwatch.StartNew();
            var facts = await scope.ServiceProvider.GetRequiredService<FactLoader>().LoadAsync(cancellationToken);
            logger.LogInformation("Read the insights facts ({Learners} learners, {Enrolments} enrolments) in {Milliseconds} ms", facts.LearnerCount, facts.Enrolments.Length, took.ElapsedMilliseconds);
            current = facts;
            return facts;
        }
        finally
        {
            reading.Release();
        }
    }
}
