namespace Literacy.Bench.CreditBank;

/// <summary>
/// The crash drill's load: new learners complete the course with several workers, each award acknowledged in the ack file
/// once it returned, until the process is killed.
/// </summary>
public static class Burst
{
    public const int Concurrency = 8;

    public static async Task<int> RunAsync(string dataFolder, string ackFile)
    {
        await using var site = new BenchSite(dataFolder).Start();
        using var acks = new AckFile(ackFile);
        Console.WriteLine($"burst: host up on {site.DataFolder}; awarding with {Concurrency} workers until killed");
        await Workers.RunAsync(Concurrency, int.MaxValue, async _ =>
        {
            try
            {
                var learner = await site.NewLearnerAsync();
                await site.ReadyToCompleteAsync([learner]);
                await site.CompleteCourseAsync(learner, CancellationToken.None);
                acks.Append(learner); // only now is the award acknowledged
            }
            catch (Exception e)
            {
                // A failed award must stop the drill, not leave the other workers going as if all were well.
                await Console.Error.WriteLineAsync($"burst: an award failed: {e}");
                Environment.Exit(1);
            }
        });
        return 0;
    }
}
