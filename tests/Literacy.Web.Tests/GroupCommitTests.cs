using System.Globalization;
using Literacy.Data;
using Literacy.Testing;
using Literacy.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Web.Tests;

public sealed class SqliteGroupCommitTests(SqliteSite site) : GroupCommitTests(site), IClassFixture<SqliteSite>;

public sealed class PostgresGroupCommitTests(PostgresSite site) : GroupCommitTests(site), IClassFixture<PostgresSite>;

/// <summary>Writes that share a commit: each is durable when its call returns, and one bad write loses nobody else's.</summary>
public abstract class GroupCommitTests(PlatformFactory site)
{
    [Fact]
    public async Task A_failing_write_in_a_burst_fails_alone_and_every_other_write_is_stored()
    {
        var commits = site.Service<GroupCommit<PlatformDbContext>>();
        var run = Guid.NewGuid().ToString("N")[..8];
        var writes = Enumerable.Range(0, 40).Select(i => commits.RunAsync(async db =>
        {
            if (i == 17)
            {
                throw new InvalidOperationException("a write that breaks");
            }

            db.SiteSettings.Add(new SiteSetting { Name = $"group-commit-{run}-{i}", Value = "stored" });
            return await db.SaveChangesAsync();
        }, CancellationToken.None)).ToList();

        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => writes[17]);
        Assert.Equal("a write that breaks", failed.Message);
        await Task.WhenAll(writes.Where((_, i) => i != 17));

        await using var scope = site.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().SiteSettings
            .Where(s => s.Name.StartsWith($"group-commit-{run}-")).Select(s => s.Name).ToListAsync();
        Assert.Equal(39, stored.Count);
        Assert.DoesNotContain($"group-commit-{run}-17", stored);
    }

    /// <summary>A write sees its caller's request and language (an email queued in it is in the learner's language), not the writer's.</summary>
    [Fact]
    public async Task Writes_that_share_a_commit_each_run_in_their_own_callers_culture()
    {
        var commits = site.Service<GroupCommit<PlatformDbContext>>();
        var cultures = Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? "zh-CN" : "en").ToList();
        var seen = await Task.WhenAll(cultures.Select(culture => Task.Run(() =>
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return commits.RunAsync(_ => Task.FromResult(CultureInfo.CurrentUICulture.Name), CancellationToken.None);
        })));

        Assert.Equal(cultures, seen);
    }
}
