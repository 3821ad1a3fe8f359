using System.Net;
using Literacy.CreditBank;
using Literacy.CreditBank.Data;
using Literacy.CreditBank.Units;
using Literacy.Data;
using Literacy.Modules.Competencies;
using Literacy.Modules.Recipes;
using Literacy.Testing;
using Literacy.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Literacy.Web.Tests;

public sealed class SqliteBundledUnitUpdateTests(SqliteUpgradedSite site) : BundledUnitUpdateTests(site), IClassFixture<SqliteUpgradedSite>;

public sealed class PostgresBundledUnitUpdateTests(PostgresUpgradedSite site) : BundledUnitUpdateTests(site), IClassFixture<PostgresUpgradedSite>;

/// <summary>After an upgrade, Admin → Credit bank offers the certification units the platform brought; one is added through the unit form's checks.</summary>
public abstract class BundledUnitUpdateTests(UpgradedSite site)
{
    private static async Task<List<string>> OffersAsync(HttpClient admin) =>
        [.. (await admin.GetPageAsync("/admin/credits")).QuerySelectorAll("ul.bundled li").Select(li => li.TextContent.Trim())];

    private static Task<List<string>> NoticesAsync(HttpClient admin) => UpgradedSite.NoticesAsync(admin, "/admin/credits#bundled-units");

    private static Task<HttpResponseMessage> AddAsync(HttpClient admin, string unitId) =>
        admin.SubmitAsync("/admin/credits", $"/admin/credits/units/bundled/{unitId}", new Dictionary<string, string>());

    /// <summary>The same request without the page offering it: made by hand, or sent again from an old page.</summary>
    private static Task<HttpResponseMessage> ForceAddAsync(HttpClient admin, string unitId) =>
        admin.PostWithTokenAsync("/admin/credits", $"/admin/credits/units/bundled/{unitId}");

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    [Fact]
    public async Task A_unit_that_came_with_the_platform_can_be_added_once_its_course_is_published_and_learners_then_earn_it()
    {
        site.Upgrade();
        var admin = await site.AdminAsync();

        var offers = await OffersAsync(admin);
        Assert.Equal(2, offers.Count); // the two new ones: the first start added every unit the platform had then
        Assert.Contains(offers, o => o.Contains($"({UpgradedSite.StopFraudUnit})", StringComparison.Ordinal) && o.Contains("2 级，3 学分。", StringComparison.Ordinal));
        Assert.Contains(offers, o => o.Contains($"({UpgradedSite.PhoneSafetyUnit})", StringComparison.Ordinal) && o.Contains("本站还没有发布这门课", StringComparison.Ordinal));
        Assert.Equal(["随平台提供、可以添加的认证单元：1 个"], await NoticesAsync(admin)); // only what can be added now
        using (var early = await ForceAddAsync(admin, UpgradedSite.PhoneSafetyUnit))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode); // the unit form's own check: its course is not published
            Assert.Contains("已发布课程", (await early.ParseAsync()).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        }

        using (var added = await AddAsync(admin, UpgradedSite.StopFraudUnit))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var page = await admin.GetPageAsync("/admin/credits");
        Assert.Contains("举报诈骗", page.QuerySelector("#units ~ .table-wrap")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(await OffersAsync(admin), o => o.Contains($"({UpgradedSite.StopFraudUnit})", StringComparison.Ordinal));
        Assert.Empty(await NoticesAsync(admin));
        Assert.True(await InScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().AuditEntries
            .AnyAsync(a => a.Action == "unit.created" && a.Target == UpgradedSite.StopFraudUnit)));

        (await admin.InstallBundledAsync("phone-safety", "1.0.0")).Dispose();
        (await admin.PublishAsync("phone-safety", "1.0.0")).Dispose();
        Assert.Equal(["随平台提供、可以添加的认证单元：1 个"], await NoticesAsync(admin));
        (await AddAsync(admin, UpgradedSite.PhoneSafetyUnit)).Dispose();
        Assert.Empty(await OffersAsync(admin));
        using (var again = await ForceAddAsync(admin, UpgradedSite.StopFraudUnit))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        Assert.Contains("没有变化：本站已经有认证单元“举报诈骗”了。", (await admin.GetPageAsync("/admin/credits")).QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await InScopeAsync(sp => sp.GetRequiredService<CreditBankDbContext>().Units.CountAsync(u => u.Id == UpgradedSite.StopFraudUnit)));

        var (learner, _) = await site.LearnerAsync();
        await learner.CompleteFixtureCourseAsync("phone-safety");
        var account = await learner.GetPageAsync("/credits");
        Assert.Contains("手机安全", account.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_that_did_not_come_with_the_platform_is_not_found_and_nothing_is_added()
    {
        site.Upgrade();
        var admin = await site.AdminAsync();
        using var unknown = await ForceAddAsync(admin, "no-such-unit");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.False(await InScopeAsync(sp => sp.GetRequiredService<CreditBankDbContext>().Units.AnyAsync(u => u.Id == "no-such-unit")));
    }
}

/// <summary>A site whose units file an upgrade left broken, after its first start had read it.</summary>
public sealed class BrokenUnitsFileSite : PlatformFactory, IAsyncLifetime
{
    private readonly string file = Path.Combine(Directory.CreateTempSubdirectory("literacy-units-").FullName, "units.json");

    public BrokenUnitsFileSite()
        : base(TestDatabase.Create(DatabaseProvider.Sqlite))
    {
        BundledFolders.CopyRepositoryUnits(file);
        Settings["CreditBank:UnitsFile"] = file;
    }

    public ValueTask InitializeAsync()
    {
        _ = Services; // the first start adds the units
        File.WriteAllText(file, "[{ \"id\": \"half-written\", ");
        return ValueTask.CompletedTask;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }
}

public sealed class BrokenUnitsFileTests(BrokenUnitsFileSite site) : IClassFixture<BrokenUnitsFileSite>
{
    [Fact]
    public async Task A_broken_units_file_offers_nothing_and_the_administration_pages_still_open()
    {
        var admin = await site.AdminAsync();
        Assert.Empty((await admin.GetPageAsync("/admin/credits")).QuerySelectorAll("ul.bundled li"));
        Assert.Null((await admin.GetPageAsync("/admin")).QuerySelector("section[aria-labelledby=waiting] a[href='/admin/credits#bundled-units']"));
        Assert.Contains(site.Log.From(LogLevel.Warning), l => l.Contains("cannot be read", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Adding_a_unit_from_a_broken_file_is_not_found_and_adds_nothing()
    {
        var admin = await site.AdminAsync();
        var response = await admin.PostWithTokenAsync("/admin/credits", "/admin/credits/units/bundled/half-written");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var scope = site.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<CreditBankDbContext>().Units.AnyAsync(u => u.Id == "half-written"));
    }

    [Fact]
    public async Task The_setup_step_refuses_a_unit_without_its_chinese_texts_and_adds_nothing()
    {
        var file = Path.Combine(Path.GetTempPath(), $"literacy-units-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """
            [{ "id": "english-only", "title": { "en": "English only" }, "description": { "en": "Only in English." },
               "area": "4", "competencies": ["4.1"], "level": 1, "credits": 1, "rule": { "kind": "course-completed", "course": "stop-fraud", "minScore": 60 } }]
            """);
        try
        {
            await using var scope = site.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CreditBankDbContext>();
            var options = Options.Create(new CreditBankOptions { UnitsFile = file });
            var step = new UnitsStep(db, new BundledUnits(options), scope.ServiceProvider.GetRequiredService<ICompetencyFrameworkSource>(), options, TimeProvider.System);
            var refused = await Assert.ThrowsAsync<RecipeException>(() => step.RunAsync(default, new RecipeContext(), CancellationToken.None));
            Assert.Contains("english-only needs its title and description in zh-CN and en", refused.Message, StringComparison.Ordinal);
            Assert.False(await db.Units.AnyAsync(u => u.Id == "english-only"));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
