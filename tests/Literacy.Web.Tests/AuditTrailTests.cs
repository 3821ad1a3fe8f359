using System.Net;
using Literacy.Testing;
using Literacy.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Web.Tests;

public sealed class SqliteAuditTrailTests(SqliteSite site) : AuditTrailTests(site), IClassFixture<SqliteSite>;

public sealed class PostgresAuditTrailTests(PostgresSite site) : AuditTrailTests(site), IClassFixture<PostgresSite>;

/// <summary>The administrator's audit trail: what goes in it, how it is read, and that a changed or missing entry is found.</summary>
public abstract class AuditTrailTests(PlatformFactory site)
{
    [Fact]
    public async Task Role_changes_feature_switches_and_publishes_are_in_the_trail_and_the_page_filters_them()
    {
        var admin = await site.AdminAsync();
        var (_, email) = await site.LearnerAsync("审计学员");
        var search = $"/admin/users?search={Uri.EscapeDataString(email)}";
        var roleAction = (await admin.GetPageAsync(search)).QuerySelector("form[action$='/role']")!.GetAttribute("action")!;
        (await admin.SubmitAsync(search, roleAction, new Dictionary<string, string> { ["role"] = "Trainer" })).Dispose();
        (await admin.SubmitAsync("/admin/modules", "/admin/modules/LiveClasses/disable", new Dictionary<string, string> { ["confirmed"] = "true" })).Dispose();
        (await admin.SubmitAsync("/admin/modules", "/admin/modules/LiveClasses/enable", new Dictionary<string, string> { ["confirmed"] = "true" })).Dispose();
        var courseId = await site.PublishFixtureCourseAsync();

        var roles = await RowsAsync(admin, "/admin/audit?action=user.role-changed");
        var role = Assert.Single(roles, r => r[4].Contains(email, StringComparison.Ordinal));
        Assert.Contains(People.AdminEmail, role[2], StringComparison.Ordinal);
        Assert.Equal("Learner -> Trainer", role[5]);
        Assert.All(roles, r => Assert.Equal("user.role-changed", r[3]));

        var switches = await RowsAsync(admin, "/admin/audit?target=LiveClasses");
        Assert.Contains(switches, r => r[3] == "feature.disabled");
        Assert.Contains(switches, r => r[3] == "feature.enabled");
        Assert.True(Index(switches, "feature.enabled") < Index(switches, "feature.disabled"), "newest first");
        Assert.Contains(await RowsAsync(admin, $"/admin/audit?action=course.published&target={courseId}"), r => r[4] == $"{courseId} 1.0.0");

        var byAdmin = await RowsAsync(admin, $"/admin/audit?actor={Uri.EscapeDataString(People.AdminEmail)}");
        Assert.NotEmpty(byAdmin);
        Assert.All(byAdmin, r => Assert.Contains(People.AdminEmail, r[2], StringComparison.Ordinal));
        var bySystem = await RowsAsync(admin, "/admin/audit?actor=system");
        Assert.Contains(bySystem, r => r[3] == "recipe.applied");
        Assert.All(bySystem, r => Assert.Equal("系统", r[2]));

        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd");
        Assert.NotEmpty(await RowsAsync(admin, $"/admin/audit?from={today}&to={today}&action=user.role-changed"));
        var future = await admin.GetPageAsync($"/admin/audit?from={tomorrow}");
        Assert.Empty(future.QuerySelectorAll("tbody tr"));
        Assert.Contains("没有符合条件的记录", future.Body!.TextContent, StringComparison.Ordinal);

        var badDate = await admin.GetPageAsync("/admin/audit?from=yesterday-ish");
        Assert.Contains("日期请按“年-月-日”填写", badDate.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_trail_checks_intact_and_the_platform_refuses_to_change_an_entry()
    {
        var admin = await site.AdminAsync();
        using var verified = await admin.SubmitAsync("/admin/audit", "/admin/audit/verify", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        Assert.Contains("操作记录完整", (await admin.GetPageAsync("/admin/audit")).QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);

        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var entry = await db.AuditEntries.OrderBy(a => a.Sequence).FirstAsync();
        entry.Details = "rewritten";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.AuditEntries.Remove(await db.AuditEntries.OrderBy(a => a.Sequence).FirstAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task An_entry_changed_or_removed_in_the_database_is_found_at_that_entry()
    {
        // A site of its own: this test breaks the trail on purpose.
        await using var own = PlatformFactory.On(site.Database.Provider);
        var admin = await own.AdminAsync();
        foreach (var step in new[] { "disable", "enable", "disable", "enable" })
        {
            (await admin.SubmitAsync("/admin/modules", $"/admin/modules/LiveClasses/{step}", new Dictionary<string, string> { ["confirmed"] = "true" })).Dispose();
        }

        await using var scope = own.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var middle = await db.AuditEntries.AsNoTracking().Where(a => a.Action == "feature.disabled").OrderBy(a => a.Sequence).Select(a => a.Sequence).LastAsync();

        await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Details\" = 'nothing happened' WHERE \"Sequence\" = {0}", middle);
        Assert.Equal($"操作记录在第 {middle} 条处断开：这一条写入后被改过。", await VerifyAsync(admin));

        await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Details\" = 'LiveClasses' WHERE \"Sequence\" = {0}", middle);
        Assert.Contains("操作记录完整", await VerifyAsync(admin), StringComparison.Ordinal);

        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = {0}", middle);
        Assert.Equal($"操作记录在第 {middle + 1} 条处断开：它前面少了一条记录。", await VerifyAsync(admin));
    }

    [Fact]
    public async Task Only_administrators_read_or_check_the_trail()
    {
        using var anonymous = await site.Visitor().GetAsync("/admin/audit");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/account/login", anonymous.Headers.Location!.AbsolutePath);

        var (learner, _) = await site.LearnerAsync();
        var (trainer, _) = await site.TrainerAsync();
        foreach (var client in new[] { learner, trainer })
        {
            using var read = await client.GetAsync("/admin/audit");
            Assert.Equal("/account/denied", read.Headers.Location!.AbsolutePath);
            using var check = await client.PostAsync("/admin/audit/verify", new FormUrlEncodedContent([]));
            Assert.NotEqual(HttpStatusCode.OK, check.StatusCode);
            Assert.NotEqual("/admin/audit", check.Headers.Location?.AbsolutePath);
        }

        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var adminId = (await scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>().FindByEmailAsync(People.AdminEmail))!.Id;
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == "audit.verified" && a.ActorId != adminId));
    }

    private static async Task<string> VerifyAsync(HttpClient admin)
    {
        (await admin.SubmitAsync("/admin/audit", "/admin/audit/verify", new Dictionary<string, string>())).Dispose();
        var page = await admin.GetPageAsync("/admin/audit");
        return (page.QuerySelector("[role=alert]") ?? page.QuerySelector("[role=status]"))!.TextContent.Trim();
    }

    /// <summary>The trail's table as text: number, time, who, action, what, details.</summary>
    private static async Task<List<string[]>> RowsAsync(HttpClient admin, string url) =>
        (await admin.GetPageAsync(url)).QuerySelectorAll("tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();

    private static int Index(List<string[]> rows, string action) => rows.FindIndex(r => r[3] == action);
}
