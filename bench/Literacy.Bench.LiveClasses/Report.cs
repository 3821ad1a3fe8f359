namespace Literacy.Bench.LiveClasses;

/// <summary>The table of issue 5's figures, the ratios against the one-learner baseline, and the targets.</summary>
public static class Report
{
    private const double TargetP99Ms = 250;
    private const double StretchP99Ms = 100;
    private const double TargetRssMb = 400;

    public static void Print(IReadOnlyList<RoundResult> results, Settings settings)
    {
        var baseline = results[0];
        Console.WriteLine();
        Console.WriteLine($"{"N",6} {"joined",6} {"conn p50",9} {"conn p99",9} {"conn all",9} | {"fan p50",8} {"fan p99",8} {"fan max",8} {"lost",6} {"drops",5} | {"RSS MB",7} {"peak MB",7} | {"p50 ratio",9} {"p99 ratio",9}");
        foreach (var r in results)
        {
            Console.WriteLine(
                $"{r.Learners,6} {r.Joined,6} {Ms(r.Connect.At(50)),9} {Ms(r.Connect.At(99)),9} {r.ConnectTotal.TotalSeconds,8:0.0}s | " +
                $"{Ms(r.FanOut.At(50)),8} {Ms(r.FanOut.At(99)),8} {Ms(r.FanOut.Max),8} {r.Lost,6} {r.Dropped,5} | " +
                $"{r.Memory.RssMb,7:0} {r.Memory.PeakMb,7:0} | " +
                $"{r.FanOut.At(50) / baseline.FanOut.At(50),9:0.00} {r.FanOut.At(99) / baseline.FanOut.At(99),9:0.00}");
        }

        Console.WriteLine($"(times in ms; fan-out = a learner's receipt of SlideChanged - the trainer's ShowSlide call, one clock; " +
            $"{settings.SlideChanges} changes 300-500 ms apart; the trainer's ShowSlide answered in p50 " +
            $"{string.Join(" / ", results.Select(r => Ms(r.ShowSlideAnswer.At(50)).Trim()))} ms for N = {string.Join(" / ", results.Select(r => r.Learners))})");
        Console.WriteLine($"baseline: the same slide changes to a class of 1 learner, this run: fan-out p50 {Ms(baseline.FanOut.At(50)).Trim()} ms, p99 {Ms(baseline.FanOut.At(99)).Trim()} ms; " +
            "ratio = this size's percentile / the baseline's same percentile");
        foreach (var r in results.Where(r => !r.LeftCleanly))
        {
            Console.WriteLine($"N={r.Learners}: after everyone disconnected, the trainer still saw learners in the room");
        }

        var largest = results[^1];
        var p99 = largest.FanOut.At(99);
        Console.WriteLine(
            $"targets at N={largest.Learners}: p99 < {TargetP99Ms} ms {Met(p99 < TargetP99Ms)} (stretch < {StretchP99Ms} ms {Met(p99 < StretchP99Ms)}), " +
            $"no lost deliveries {Met(largest.Lost == 0)}, server RSS < {TargetRssMb} MB {Met(largest.Memory.RssMb < TargetRssMb)} " +
            $"(peak {Met(largest.Memory.PeakMb < TargetRssMb)})");
    }

    private static string Ms(double value) => double.IsNaN(value) ? "-" : value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);

    private static string Met(bool met) => met ? "met" : "NOT met";
}
