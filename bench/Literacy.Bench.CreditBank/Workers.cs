using System.Diagnostics;

namespace Literacy.Bench.CreditBank;

public static class Workers
{
    /// <summary>Runs <paramref name="work"/> for 0..count-1, <paramref name="workers"/> at a time, and returns the wall time.</summary>
    public static async Task<TimeSpan> RunAsync(int workers, int count, Func<int, Task> work)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                await work(i);
            }
        })));
        return clock.Elapsed;
    }
}
