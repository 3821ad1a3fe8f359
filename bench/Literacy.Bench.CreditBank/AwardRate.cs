using System.Diagnostics;
using System.Runtime;
using Literacy.CreditBank.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Bench.CreditBank;

/// <summary>
/// a) Durable awards per second: a learner at the course's last step completes it (the course evaluated and completed),
/// the credit bank's rule evaluated, the chain extended, the credential signed, all committed; sequentially and with
/// several workers. Baseline: the rate of the cheapest durable write SQLite can do with the app's settings, one row per
/// transaction.
/// </summary>
public static class AwardRate
{
    public static async Task RunAsync(BenchSite site, Settings settings, string heldFolder)
    {
        var (warmed, warmUp) = await WarmUpAsync(site, settings);

        var sequential = await LearnersAsync(site, settings.Awards, settings.Workers);
        var oneAtATime = await Workers.RunAsync(1, sequential.Count, i => site.CompleteCourseAsync(sequential[i], CancellationToken.None));
        var concurrent = await LearnersAsync(site, settings.Awards, settings.Workers);
        await site.FollowUpsDeliveredAsync();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var together = await Workers.RunAsync(settings.Workers, concurrent.Count, i => site.CompleteCourseAsync(concurrent[i], CancellationToken.None));
        var cpuPerAward = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / concurrent.Count; // the outbox's deliveries included

        // The credit bank's part alone, from CourseCompleted on: what the award costs without the course's completion.
        var eventLearners = new string[settings.Awards];
        await Workers.RunAsync(settings.Workers, eventLearners.Length, async i => eventLearners[i] = await site.NewLearnerAsync());
        await site.FollowUpsDeliveredAsync();
        cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var fromEvent = await Workers.RunAsync(settings.Workers, eventLearners.Length, i => site.AwardFromEventAsync(eventLearners[i], CancellationToken.None));
        var cpuPerEventAward = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / eventLearners.Length;
        var drained = await site.FollowUpsDeliveredAsync(); // what the burst left queued: delivered after it, on the same cores
        await ExpectAwardsAsync(site, warmed + sequential.Count + concurrent.Count + eventLearners.Length);
        var (heldRate, cpuPerHeldAward) = await HeldFollowUpsAsync(heldFolder, settings);

        var pragmas = await RawInserts.AppPragmasAsync(site);
        var raw = await RawInserts.RunAsync(Path.Combine(site.DataFolder, "raw-inserts.db"), pragmas, settings.Awards);

        var (seqRate, parRate, rawRate) = (settings.Awards / oneAtATime.TotalSeconds, settings.Awards / together.TotalSeconds, settings.Awards / raw.TotalSeconds);
        var eventRate = settings.Awards / fromEvent.TotalSeconds;
        Console.WriteLine();
        Console.WriteLine($"a) durable awards on SQLite ({pragmas}), {settings.Awards:N0} awards each");
        Console.WriteLine($"   (after a warm-up of {warmed:N0} awards in {warmUp.TotalSeconds:N0} s, until the JIT had settled)");
        Console.WriteLine($"   {"awards, sequential",-36} {seqRate,10:N0} /s");
        Console.WriteLine($"   {$"awards, {settings.Workers} workers",-36} {parRate,10:N0} /s");
        Console.WriteLine($"   {"raw single-row insert, own transaction",-36} {rawRate,10:N0} /s");
        Console.WriteLine($"   {$"process CPU per award, {settings.Workers} workers",-36} {cpuPerAward,10:N1} ms");
        Console.WriteLine($"   {$"credit bank alone, {settings.Workers} workers",-36} {eventRate,10:N0} /s   (from CourseCompleted on: {cpuPerEventAward:N1} ms CPU per award)");
        Console.WriteLine($"     (its follow-ups still queued when the last award was committed: delivered {drained.TotalSeconds:N1} s later)");
        Console.WriteLine($"   {"  the same, follow-ups held",-36} {heldRate,10:N0} /s   ({cpuPerHeldAward:N1} ms CPU per award; emails and other modules' records left in the outbox)");
        Console.WriteLine($"   award/raw insert rate ratio: sequential {seqRate / rawRate:F2}, {settings.Workers} workers {parRate / rawRate:F2}, credit bank alone {eventRate / rawRate:F2}, follow-ups held {heldRate / rawRate:F2}");
        Console.WriteLine($"   target >= 1,000 awards/s, from the learner's last step: {Met(Math.Max(seqRate, parRate))}; credit bank alone: {Met(eventRate)}; follow-ups held: {Met(heldRate)}");
    }

    private static string Met(double rate) => rate >= 1_000 ? "met" : "NOT met";

    /// <summary>
    /// The credit bank alone again, on a second site whose outbox hands nothing to workers: the award's own cost (rules,
    /// chain, credential, commit) without the certificate emails and other modules' records that follow each award and, on
    /// one machine, take their share of the same two cores. The JIT is warm from the first site; a short warm-up fills the
    /// second site's pools.
    /// </summary>
    private static async Task<(double Rate, double CpuPerAward)> HeldFollowUpsAsync(string folder, Settings settings)
    {
        await using var site = new BenchSite(folder, deliverFollowUps: false).Start(); // the first site's outbox is empty by now
        var learners = new string[settings.Awards + 500];
        await Workers.RunAsync(settings.Workers, learners.Length, async i => learners[i] = await site.NewLearnerAsync());
        await Workers.RunAsync(settings.Workers, 500, i => site.AwardFromEventAsync(learners[i], CancellationToken.None));
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var took = await Workers.RunAsync(settings.Workers, settings.Awards, i => site.AwardFromEventAsync(learners[500 + i], CancellationToken.None));
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / settings.Awards;
        await ExpectAwardsAsync(site, learners.Length);
        return (settings.Awards / took.TotalSeconds, cpu);
    }

    /// <summary>
    /// Untimed: JIT, the context pools, and the issuer's signing key, which the first award makes. Tiered JIT goes on
    /// recompiling hot code for tens of seconds on two cores (a profile 15 s into a burst of awards spent a fifth of the CPU
    /// in the JIT), so rounds of awards, alone and with the workers, run until a round compiles fewer than 100 methods, or
    /// for two minutes at most: the figures are the steady state's.
    /// </summary>
    private static async Task<(int Awards, TimeSpan Took)> WarmUpAsync(BenchSite site, Settings settings)
    {
        var clock = Stopwatch.StartNew();
        var awards = 0;
        long compiled;
        do
        {
            var before = JitInfo.GetCompiledMethodCount();
            var learners = await LearnersAsync(site, 150, settings.Workers);
            await Workers.RunAsync(1, 50, i => site.CompleteCourseAsync(learners[i], CancellationToken.None));
            await Workers.RunAsync(settings.Workers, 100, i => site.CompleteCourseAsync(learners[50 + i], CancellationToken.None));
            awards += learners.Count;
            compiled = JitInfo.GetCompiledMethodCount() - before;
        }
        while (compiled >= 100 && clock.Elapsed < TimeSpan.FromMinutes(2));
        return (awards, clock.Elapsed);
    }

    /// <summary>New learners at the course's last step, made several at a time; not part of any figure.</summary>
    private static async Task<IReadOnlyList<string>> LearnersAsync(BenchSite site, int count, int workers)
    {
        var ids = new string[count];
        await Workers.RunAsync(workers, count, async i => ids[i] = await site.NewLearnerAsync());
        await site.ReadyToCompleteAsync(ids);
        return ids;
    }

    /// <summary>A figure for awards that were not made would be worthless: each learner must have the unit.</summary>
    private static async Task ExpectAwardsAsync(BenchSite site, int expected)
    {
        var (entries, credentials) = await site.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CreditBankDbContext>();
            return (await db.Entries.CountAsync(e => e.UnitId == BenchSite.Unit), await db.Credentials.CountAsync(c => c.UnitId == BenchSite.Unit));
        });
        if (entries != expected || credentials != expected)
        {
            throw new InvalidOperationException($"Expected {expected} awards of {BenchSite.Unit}, found {entries} ledger entries and {credentials} credentials.");
        }
    }
}
