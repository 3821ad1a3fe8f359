using System.Text.Json;
using Literacy.CreditBank.Data;
using Literacy.Modules.Competencies;
using Literacy.Modules.Lessons;
using Literacy.Modules.People;
using Microsoft.EntityFrameworkCore;

namespace Literacy.CreditBank.Accounts;

/// <summary>One line of a learner's statement, with what it is for and the balance after it.</summary>
public sealed record StatementLine(
    long Sequence,
    DateTime RecordedUtc,
    EntryKind Kind,
    string UnitId,
    string UnitTitle,
    int Credits,
    int Balance,
    JsonElement Evidence,
    string? CourseTitle,
    Guid? CredentialId);

public sealed record CreditTotal(string Name, int Credits);

public sealed record CredentialSummary(Guid Id, string UnitTitle, DateTime IssuedUtc, bool Revoked);

/// <summary>A learner's learning account as they (and their transcript) see it.</summary>
public sealed record Statement(
    Guid? AccountId,
    IReadOnlyList<StatementLine> Lines,
    IReadOnlyList<CreditTotal> ByArea,
    IReadOnlyList<CreditTotal> ByLevel,
    IReadOnlyList<CredentialSummary> Credentials)
{
    public int Total => Lines.Count == 0 ? 0 : Lines[^1].Balance;
}

/// <summary>The printable transcript: whose it is (by the name they chose, and their email when they have one) and when printed.</summary>
public sealed record TranscriptPage(Person Learner, Statement Statement, DateOnly PrintedOn);

/// <summary>Reads learning accounts. Writing is the ledger's job alone.</summary>
public sealed class LearningAccounts(CreditBankDbContext db, ICompetencyFrameworkSource frameworks, ICourseContent courses)
{
    public async Task<Statement> StatementAsync(string userId, string culture, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.AsNoTracking().Where(a => a.UserId == userId).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return new Statement(null, [], [], [], []);
        }

        var framework = await frameworks.CurrentAsync(cancellationToken);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, cancellationToken);
        var entries = await db.Entries.AsNoTracking().Where(e => e.AccountId == account).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var credentials = await db.Credentials.AsNoTracking().Where(c => c.AccountId == account).OrderBy(c => c.IssuedUtc).ToListAsync(cancellationToken);
        var credentialOf = credentials.ToDictionary(c => c.LedgerEntryId, c => c.Id);

        var lines = new List<StatementLine>();
        var balance = 0;
        foreach (var e in entries)
        {
            balance += e.Credits;
            var evidence = JsonDocument.Parse(e.Evidence).RootElement.Clone();
            var course = evidence.TryGetProperty("courseId", out var c) ? await courses.TitleAsync(c.GetString()!, culture, cancellationToken) ?? c.GetString() : null;
            lines.Add(new StatementLine(e.Sequence, e.RecordedUtc, e.Kind, e.UnitId, Title(units, e.UnitId, culture), e.Credits, balance, evidence, course,
                credentialOf.TryGetValue(e.Id, out var id) ? id : null));
        }

        var byArea = entries.GroupBy(e => units.TryGetValue(e.UnitId, out var u) ? u.Area : "?")
            .Select(g => new CreditTotal(framework.AreaName(g.Key, culture), g.Sum(e => e.Credits)))
            .Where(t => t.Credits != 0).ToList();
        var byLevel = entries.GroupBy(e => units.TryGetValue(e.UnitId, out var u) ? u.Level : 0).OrderBy(g => g.Key)
            .Select(g => new CreditTotal(framework.LevelName(g.Key, culture), g.Sum(e => e.Credits)))
            .Where(t => t.Credits != 0).ToList();
        var summaries = credentials.Select(c => new CredentialSummary(c.Id, Title(units, c.UnitId, culture), c.IssuedUtc, c.RevokedUtc is not null)).ToList();
        return new Statement(account, lines, byArea, byLevel, summaries);
    }

    private static string Title(Dictionary<string, CertificationUnit> units, string unitId, string culture) =>
        units.TryGetValue(unitId, out var u) ? u.Title(culture) : unitId;
}
