using Literacy.CreditBank.Data;
using Literacy.Data;
using Literacy.Modules.Events;
using Literacy.Testing;
using Literacy.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Literacy.Web.Tests;

/// <summary>
/// A credential's revocation bit is drawn at random from a status list that fills to half. Near that point a drawn bit is
/// often taken, and so is the one drawn again; the award must keep drawing, because a taken bit fails the insert, and with
/// it the commit of every award that arrived together, which then each go again one by one.
/// </summary>
public sealed class StatusListTests
{
    [Fact]
    public async Task Awards_made_together_on_a_half_full_status_list_each_get_a_free_bit_without_a_failed_commit()
    {
        // SQLite only: the list is half filled with one statement of SQLite's own SQL; the logic under test is the provider's neither.
        await using var site = PlatformFactory.On(DatabaseProvider.Sqlite);
        await HalfFillFirstStatusListAsync(site);
        var learners = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            learners.Add(await NewLearnerAsync(site));
        }

        await Task.WhenAll(learners.Select(userId => site.PublishAsync(
            new CourseCompleted(EventIds.For($"course-completed:{userId}:stop-fraud"), userId, "stop-fraud", "1.0.0", 100, 2, DateTime.UtcNow))));

        await using var scope = site.Services.CreateAsyncScope();
        var bank = scope.ServiceProvider.GetRequiredService<CreditBankDbContext>();
        var bits = await bank.Credentials.Where(c => c.UnitId == "fraud-awareness").Select(c => c.StatusIndex).ToListAsync();
        Assert.Equal(40, bits.Count);
        Assert.All(bits, bit => Assert.True(bit < 131_072 && bit % 2 == 0, $"bit {bit} is in the first list and was free"));
        Assert.DoesNotContain(site.Log.From(LogLevel.Error), line => line.Contains("UNIQUE constraint failed: Credentials.StatusIndex", StringComparison.Ordinal));
    }

    /// <summary>Takes every odd bit of the first list (65,535 credentials, with their entries, on an account of nobody's).</summary>
    private static async Task HalfFillFirstStatusListAsync(PlatformFactory site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var bank = scope.ServiceProvider.GetRequiredService<CreditBankDbContext>();
        var account = Guid.NewGuid().ToString().ToUpperInvariant();
        await bank.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "LearningAccounts" ("Id", "UserId", "OpenedUtc") VALUES ({0}, 'status-list-filler', '2026-01-01 00:00:00');
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 65535)
            INSERT INTO "LedgerEntries" ("AccountId", "Sequence", "SourceId", "Kind", "UnitId", "Credits", "Evidence", "RecordedUtc", "PreviousHash", "Hash")
            SELECT {0}, i, printf('%032d', i), 'Award', 'filler', 0, '{{}}', '2026-01-01 00:00:00', 'x', 'x' FROM n;
            INSERT INTO "Credentials" ("Id", "AccountId", "LedgerEntryId", "UnitId", "IssuedUtc", "StatusIndex", "Jwt")
            SELECT printf('%032d', "Id"), "AccountId", "Id", 'filler', '2026-01-01 00:00:00', "Sequence" * 2 - 1, 'x' FROM "LedgerEntries" WHERE "AccountId" = {0};
            """,
            account);
    }

    private static async Task<string> NewLearnerAsync(PlatformFactory site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var email = $"learner-{Guid.NewGuid():N}@test.local";
        var user = new PlatformUser { UserName = email, Email = email, DisplayName = "学员" };
        Assert.True((await scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>().CreateAsync(user)).Succeeded);
        return user.Id;
    }
}
