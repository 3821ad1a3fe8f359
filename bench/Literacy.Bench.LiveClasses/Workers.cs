namespace Literacy.Bench.LiveClasses;

public static class Workers
{
    /// <summary>Runs <paramref name="work"/> for 0..count-1, <paramref name="workers"/> at a time.</summary>
    public static Task RunAsync(int workers, int count, Func<int, Task> work) =>
        Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = workers }, async (i, _) => await work(i));
}
