using System.Net;
using System.Text.Json.Nodes;
using Literacy.Courses.Data;
using Literacy.Data;
using Literacy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Web.Tests;

/// <summary>
/// A site that is upgraded after its first start: its bundled-courses folder, a copy of the repository's, then gets a newer
/// stop-fraud (9.1.0) than the one the site installed, and a course the site has never had (the fixture package); its
/// units file, a copy of the repository's, gets a unit for stop-fraud and one for the new course.
/// </summary>
public abstract class UpgradedSite : PlatformFactory
{
    public const string Newer = "9.1.0";

    private readonly string folder = Directory.CreateTempSubdirectory("literacy-bundled-").FullName;
    private readonly Lazy<string> upgrade;

    protected UpgradedSite(DatabaseProvider provider)
        : base(TestDatabase.Create(provider))
    {
        BundledFolders.CopyRepositoryCourses(folder);
        Settings["Courses:Bundled:Folder"] = folder;
        var units = Path.Combine(folder, "units.json");
        BundledFolders.CopyRepositoryUnits(units);
        Settings["CreditBank:UnitsFile"] = units;
        upgrade = new(() =>
        {
            _ = Services; // the first start installs what the folder holds now
            var file = Path.Combine(folder, "stop-fraud", "course.json");
            var manifest = JsonNode.Parse(File.ReadAllText(file))!;
            var installed = manifest["version"]!.GetValue<string>();
            manifest["version"] = Newer;
            File.WriteAllText(file, manifest.ToJsonString());
            TestPackage.Valid().WriteTo(Path.Combine(folder, "phone-safety"));
            BundledFolders.AddUnit(units, StopFraudUnit, "stop-fraud", "举报诈骗", "Reporting fraud");
            BundledFolders.AddUnit(units, PhoneSafetyUnit, "phone-safety", "手机安全", "Phone safety");
            return installed;
        });
    }

    /// <summary>The units the upgrade brings: one for a course the site has published, one for the course it has never had.</summary>
    public const string StopFraudUnit = "reporting-fraud", PhoneSafetyUnit = "phone-safety-basics";

    /// <summary>The lines under "Waiting for you" on the administration home page that link to <paramref name="link"/>.</summary>
    public static async Task<List<string>> NoticesAsync(HttpClient admin, string link) =>
        [.. (await admin.GetPageAsync("/admin")).QuerySelectorAll("section[aria-labelledby=waiting] li a")
            .Where(a => a.GetAttribute("href") == link).Select(a => a.TextContent.Trim())];

    /// <summary>Upgrades the platform's files (once) and returns the version of stop-fraud the site installed before.</summary>
    public string Upgrade() => upgrade.Value;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }
}

public sealed class SqliteUpgradedSite() : UpgradedSite(DatabaseProvider.Sqlite);

public sealed class PostgresUpgradedSite() : UpgradedSite(DatabaseProvider.PostgreSql);

public sealed class SqliteBundledCourseUpdateTests(SqliteUpgradedSite site) : BundledCourseUpdateTests(site), IClassFixture<SqliteUpgradedSite>;

public sealed class PostgresBundledCourseUpdateTests(PostgresUpgradedSite site) : BundledCourseUpdateTests(site), IClassFixture<PostgresUpgradedSite>;

/// <summary>After an upgrade, Admin → Courses offers the newer bundled courses; one installs as a draft like an upload.</summary>
public abstract class BundledCourseUpdateTests(UpgradedSite site)
{
    private static async Task<List<string>> OffersAsync(HttpClient admin) =>
        [.. (await admin.GetPageAsync("/admin/courses")).QuerySelectorAll("ul.bundled li").Select(li => li.TextContent.Trim())];

    private static Task<List<string>> NoticesAsync(HttpClient admin) => UpgradedSite.NoticesAsync(admin, "/admin/courses#bundled");

    private async Task<string?> PublishedVersionAsync(string courseId)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CoursesDbContext>().Courses
            .Where(c => c.Id == courseId).Select(c => c.PublishedVersion).SingleOrDefaultAsync();
    }

    [Fact]
    public async Task A_newer_bundled_course_installs_as_a_draft_and_once_published_learners_keep_their_progress()
    {
        var admin = await site.AdminAsync();
        var (learner, _) = await site.LearnerAsync();
        (await learner.FinishLessonAsync("stop-fraud", "golden-rules")).Dispose();
        var before = site.Upgrade();
        Assert.Equal(["随平台提供、可以安装的课程：2 门"], await NoticesAsync(admin));

        var offers = await OffersAsync(admin);
        Assert.Contains(offers, o => o.Contains("(stop-fraud)", StringComparison.Ordinal)
            && o.Contains($"{UpgradedSite.Newer} 版。本站现在是 {before} 版。", StringComparison.Ordinal));
        Assert.Contains(offers, o => o.Contains("(phone-safety)", StringComparison.Ordinal) && o.Contains("本站还没有安装这门课", StringComparison.Ordinal));

        using var installed = await admin.InstallBundledAsync("stop-fraud", UpgradedSite.Newer);
        Assert.Equal(HttpStatusCode.Redirect, installed.StatusCode);
        Assert.Equal($"/admin/courses/stop-fraud/versions/{UpgradedSite.Newer}", installed.Headers.Location!.OriginalString);
        Assert.Equal(before, await PublishedVersionAsync("stop-fraud")); // a draft: learners still see the old one
        Assert.DoesNotContain(await OffersAsync(admin), o => o.Contains("(stop-fraud)", StringComparison.Ordinal));
        Assert.Contains(await OffersAsync(admin), o => o.Contains("(phone-safety)", StringComparison.Ordinal));
        Assert.Equal(["随平台提供、可以安装的课程：1 门"], await NoticesAsync(admin));

        (await admin.PublishAsync("stop-fraud", UpgradedSite.Newer)).Dispose();
        Assert.Equal(UpgradedSite.Newer, await PublishedVersionAsync("stop-fraud"));
        var lesson = await learner.GetPageAsync("/courses/stop-fraud/lessons/golden-rules");
        Assert.Contains("这一课您之前已经学完了。", lesson.QuerySelector("nav.lesson-nav")!.TextContent, StringComparison.Ordinal);

        (await admin.InstallBundledAsync("phone-safety", "1.0.0")).Dispose();
        Assert.Empty(await OffersAsync(admin));
        Assert.Empty(await NoticesAsync(admin));
    }

    [Fact]
    public async Task A_version_that_did_not_come_with_the_platform_is_not_found_and_nothing_is_installed()
    {
        site.Upgrade();
        var admin = await site.AdminAsync();
        using var unknown = await admin.PostWithTokenAsync("/admin/courses", "/admin/courses/bundled/phone-safety/7.7.7/install");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await using var scope = site.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<CoursesDbContext>().Versions.AnyAsync(v => v.Version == "7.7.7"));
    }
}
