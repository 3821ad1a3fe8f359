using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Literacy.Bench.LiveClasses;

/// <summary>
/// Issue 5's figures. First the same slide changes to a class of one learner: the baseline, measured in the same run
/// on the same server, so the ratios say what the class's size costs, not how fast this machine is today.
/// </summary>
public static class BenchRun
{
    public static async Task<int> RunAsync(Settings settings)
    {
        Console.WriteLine($"live classes benchmark: {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, " +
            $"server pid {settings.ServerPid}, {settings.SlideChanges} slide changes per class size");
        var total = Stopwatch.StartNew();
        // What the server holds before any learner is connected, to set the rows' memory against.
        var started = ServerMemory.Of(settings.ServerPid);
        var classroom = await Preparation.RunAsync(settings);
        var prepared = ServerMemory.Of(settings.ServerPid);
        Console.WriteLine($"server memory: {started.RssMb:0} MB resident after start, {prepared.RssMb:0} MB after the set-up (peak {prepared.PeakMb:0} MB)");

        await using var trainer = await Trainer.ConnectAsync(settings.Site, classroom.TrainerCookie, classroom.ClassId);
        if (trainer.SlideCount <= settings.SlideChanges)
        {
            throw new InvalidOperationException($"the deck has {trainer.SlideCount} slides; {settings.SlideChanges + 1} are needed");
        }

        // Seeded: the same pauses between slide changes in every run.
        var random = new Random(5);
        // Warm-up, not counted: the first slide changes pay for JIT on both sides, the first batch of concurrent
        // connections for thread and buffer pools (without it the first size's connect times were the slowest).
        var warmUpSize = Math.Min(settings.ConnectWorkers, classroom.LearnerCookies.Count);
        var warmUp = await Round.RunAsync(settings, classroom, trainer, warmUpSize, random);
        Console.WriteLine($"  warm-up with {warmUpSize} learners: done (fan-out p99 {warmUp.FanOut.At(99):0.0} ms, lost {warmUp.Lost})");

        var results = new List<RoundResult>();
        foreach (var n in settings.Sizes.Prepend(1))
        {
            var result = await Round.RunAsync(settings, classroom, trainer, n, random);
            Console.WriteLine($"  N={n}: done (fan-out p99 {result.FanOut.At(99):0.0} ms, lost {result.Lost})");
            results.Add(result);
        }

        Report.Print(results, settings);
        Console.WriteLine($"whole run (setup included, not the publish): {total.Elapsed.TotalSeconds:0} s");
        return results.All(r => r.Joined == r.Learners && r.LeftCleanly && r.Dropped == 0) ? 0 : 1;
    }
}
