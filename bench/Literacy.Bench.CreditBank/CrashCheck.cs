using Literacy.Courses.Data;
using Literacy.CreditBank.Data;
using Literacy.CreditBank.Ledger;
using Literacy.Insights.Data;
using Literacy.Jobs.Recurring;
using Literacy.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Bench.CreditBank;

/// <summary>
/// After the kill: restarts the host on the same folder (SQLite recovers its WAL) and checks what was promised.
/// Every acknowledged learner has exactly one entry and one credential for the unit, and its audit line; no cause was
/// paid twice; no entry lacks its credential, audit line or insights fact, nor the reverse (they commit together); every
/// completion of the course is counted by insights (they commit together too) and, once the sweep for missed completions
/// has run, paid; both chains verify; the file is sound.
/// </summary>
public static class CrashCheck
{
    public static async Task<int> RunAsync(string dataFolder, string ackFile)
    {
        var acked = AckFile.Read(ackFile).Distinct().ToList();
        await using var site = new BenchSite(dataFolder).Start();
        var unpaid = await site.InScopeAsync(UnpaidAsync);
        // What the credit bank's sweep does every five minutes: pay the completions whose award the kill cut off.
        await site.InScopeAsync(sp => sp.GetRequiredService<RecurringJobRunner>().RunAsync("credit-bank.missed-completions", CancellationToken.None));
        var (problems, summary) = await site.InScopeAsync(sp => CheckAsync(sp, acked, unpaid));
        foreach (var line in summary)
        {
            Console.WriteLine($"check: {line}");
        }

        foreach (var problem in problems.Take(20))
        {
            Console.Error.WriteLine($"check FAILED: {problem}");
        }

        Console.WriteLine(problems.Count == 0 ? "check: OK" : $"check: {problems.Count} problem(s)");
        return problems.Count == 0 ? 0 : 1;
    }

    private static async Task<(List<string> Problems, List<string> Summary)> CheckAsync(IServiceProvider services, List<string> acked, int paidBySweep)
    {
        var db = services.GetRequiredService<CreditBankDbContext>();
        var audit = services.GetRequiredService<PlatformDbContext>().AuditEntries;
        var problems = new List<string>();
        if (acked.Count == 0)
        {
            problems.Add("the ack file holds no acknowledged award");
        }

        var accounts = await db.Accounts.AsNoTracking().Where(a => acked.Contains(a.UserId)).ToDictionaryAsync(a => a.UserId, a => a.Id);
        var entries = await CountByAccountAsync(db.Entries.Where(e => e.UnitId == BenchSite.Unit).Select(e => e.AccountId));
        var credentials = await CountByAccountAsync(db.Credentials.Where(c => c.UnitId == BenchSite.Unit).Select(c => c.AccountId));
        var audited = (await audit.Where(a => a.Action == "credits.awarded" && acked.Contains(a.Target)).Select(a => a.Target).ToListAsync()).ToHashSet();
        foreach (var user in acked)
        {
            if (!accounts.TryGetValue(user, out var account))
            {
                problems.Add($"acknowledged learner {user} has no learning account");
                continue;
            }

            var (e, c) = (entries.GetValueOrDefault(account), credentials.GetValueOrDefault(account));
            if (e != 1 || c != 1 || !audited.Contains(user))
            {
                problems.Add($"acknowledged learner {user}: {e} ledger entries and {c} credentials for {BenchSite.Unit} (expected 1 and 1), audit line {(audited.Contains(user) ? "present" : "missing")}");
            }
        }

        var paidTwice = await db.Entries.GroupBy(e => new { e.AccountId, e.SourceId }).Where(g => g.Count() > 1).CountAsync();
        var withoutCredential = await db.Entries.CountAsync(e => e.Kind == EntryKind.Award && !db.Credentials.Any(c => c.LedgerEntryId == e.Id));
        var withoutEntry = await db.Credentials.CountAsync(c => !db.Entries.Any(e => e.Id == c.LedgerEntryId));
        var awarded = entries.Values.Sum();
        var auditLines = await audit.CountAsync(a => a.Action == "credits.awarded" && a.Details!.StartsWith(BenchSite.Unit + ":"));
        var insights = services.GetRequiredService<InsightsDbContext>();
        var facts = await insights.Awards.CountAsync(a => a.UnitId == BenchSite.Unit);
        var completed = await services.GetRequiredService<CoursesDbContext>().Enrolments.CountAsync(e => e.CourseId == BenchSite.Course && e.CompletedUtc != null);
        var completionFacts = await insights.Enrolments.CountAsync(e => e.CourseId == BenchSite.Course && e.CompletedUtc != null);
        var report = await services.GetRequiredService<LedgerVerification>().VerifyAsync(CancellationToken.None);
        var trail = await services.GetRequiredService<AuditVerification>().VerifyAsync(CancellationToken.None);
        var integrity = await db.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync();
        AddIf(problems, paidTwice > 0, $"{paidTwice} (account, source) pairs have more than one entry");
        AddIf(problems, withoutCredential > 0, $"{withoutCredential} award entries have no credential");
        AddIf(problems, withoutEntry > 0, $"{withoutEntry} credentials have no ledger entry");
        AddIf(problems, auditLines != awarded, $"{awarded} awards of {BenchSite.Unit} but {auditLines} audit lines for them (each commits with its award)");
        AddIf(problems, facts != awarded, $"{awarded} awards of {BenchSite.Unit} but {facts} insights facts for them (each commits with its award)");
        AddIf(problems, completionFacts != completed, $"{completed} completions of {BenchSite.Course} but {completionFacts} insights facts for them (each commits with its completion)");
        AddIf(problems, awarded != completed, $"{completed} completions of {BenchSite.Course} but {awarded} awards after the sweep for missed completions");
        AddIf(problems, !report.Intact, $"the ledger chain breaks at {report.Break}");
        AddIf(problems, !trail.Intact, $"the audit trail breaks at {trail.Break}");
        AddIf(problems, integrity is not ["ok"], $"PRAGMA integrity_check: {string.Join("; ", integrity)}");

        List<string> summary =
        [
            $"{acked.Count} acknowledged awards; {awarded} awards of {BenchSite.Unit} in the database, of which {paidBySweep} paid by the sweep "
                + $"for missed completions (completed, but not yet paid, when killed) and {awarded - acked.Count - paidBySweep} made but not yet acknowledged",
            $"ledger: {report.EntriesChecked} entries in {report.Accounts} accounts, {(report.Intact ? "chain intact" : "chain BROKEN")}; database integrity {string.Join("; ", integrity)}",
            $"audit trail: {auditLines} award lines, {trail.EntriesChecked} entries, {(trail.Intact ? "chain intact" : "chain BROKEN")}; insights: {facts} award facts",
            $"courses: {completed} completions of {BenchSite.Course}, {completionFacts} counted by insights",
        ];
        return (problems, summary);
    }

    /// <summary>Completions of the course with no award yet: the award follows the completion's commit, so a kill can fall between.</summary>
    private static async Task<int> UnpaidAsync(IServiceProvider services) =>
        await services.GetRequiredService<CoursesDbContext>().Enrolments.CountAsync(e => e.CourseId == BenchSite.Course && e.CompletedUtc != null)
        - await services.GetRequiredService<CreditBankDbContext>().Entries.CountAsync(e => e.UnitId == BenchSite.Unit);

    private static Task<Dictionary<Guid, int>> CountByAccountAsync(IQueryable<Guid> accounts) =>
        accounts.GroupBy(a => a).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);

    private static void AddIf(List<string> problems, bool failed, string problem)
    {
        if (failed)
        {
            problems.Add(problem);
        }
    }
}
