using System.Collections.Concurrent;
using System.Diagnostics;

namespace Literacy.Bench.LiveClasses;

/// <summary>What one class size gave.</summary>
public sealed record RoundResult(
    int Learners,
    int Joined,
    Percentiles Connect,
    TimeSpan ConnectTotal,
    Percentiles FanOut,
    long Lost,
    int Dropped,
    Percentiles ShowSlideAnswer,
    ServerMemory Memory,
    bool LeftCleanly);

/// <summary>
/// One class size: N learners connect and join (a bounded number at a time), the trainer changes slides, every learner
/// notes each change's arrival, then everyone leaves and the trainer must see the room empty before the next size.
/// </summary>
public static class Round
{
    /// <summary>After the last change, how long a late delivery may still arrive before it counts as lost.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    public static async Task<RoundResult> RunAsync(Settings settings, Classroom classroom, Trainer trainer, int n, Random random)
    {
        var learners = classroom.LearnerCookies.Take(n).Select(cookie => new Learner(settings.Site, cookie, settings.SlideChanges)).ToList();
        var connectTimes = new ConcurrentBag<double>();
        var failures = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();
        await Workers.RunAsync(settings.ConnectWorkers, n, async i =>
        {
            try
            {
                connectTimes.Add((await learners[i].ConnectAsync(classroom.ClassId)).TotalMilliseconds);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failures.Add(e.Message);
            }
        });
        var connectTotal = clock.Elapsed;
        foreach (var problem in failures.Distinct().Take(3))
        {
            Console.WriteLine($"  N={n}: {failures.Count} learners could not join, e.g. {problem}");
        }

        if (!await trainer.WaitForPresentAsync(connectTimes.Count, TimeSpan.FromSeconds(30)))
        {
            Console.WriteLine($"  N={n}: the trainer sees {trainer.PresentCount} learners, not {connectTimes.Count}");
        }

        var (sent, answers) = await trainer.ShowSlidesAsync(settings.SlideChanges, random);
        await WaitForDeliveriesAsync(learners);
        var memory = ServerMemory.Of(settings.ServerPid);

        var fanOut = new List<double>(n * settings.SlideChanges);
        foreach (var learner in learners)
        {
            for (var k = 1; k <= settings.SlideChanges; k++)
            {
                if (learner.Receipts[k] != 0)
                {
                    fanOut.Add(Stopwatch.GetElapsedTime(sent[k], learner.Receipts[k]).TotalMilliseconds);
                }
            }
        }

        var dropped = learners.Count(l => l.Dropped);
        await Workers.RunAsync(settings.ConnectWorkers, n, async i => await learners[i].DisposeAsync());
        var leftCleanly = await trainer.WaitForPresentAsync(0, TimeSpan.FromSeconds(60));
        return new RoundResult(
            n, connectTimes.Count, new Percentiles(connectTimes), connectTotal, new Percentiles(fanOut),
            (long)n * settings.SlideChanges - fanOut.Count, dropped, new Percentiles(answers), memory, leftCleanly);
    }

    private static async Task WaitForDeliveriesAsync(List<Learner> learners)
    {
        var until = Stopwatch.GetTimestamp() + (long)(Grace.TotalSeconds * Stopwatch.Frequency);
        while (learners.Any(l => l.Receipts.Skip(1).Contains(0)) && Stopwatch.GetTimestamp() < until)
        {
            await Task.Delay(20);
        }
    }
}
