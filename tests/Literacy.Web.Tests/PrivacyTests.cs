using System.Net;
using System.Text.Json;
using Literacy.CreditBank.Data;
using Literacy.CreditBank.Ledger;
using Literacy.LiveClasses.Classroom;
using Literacy.LiveClasses.Data;
using Literacy.Modules.People;
using Literacy.Testing;
using Literacy.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Web.Tests;

public sealed class SqlitePrivacyTests(SqliteSite site) : PrivacyTests(site), IClassFixture<SqliteSite>;

public sealed class PostgresPrivacyTests(PostgresSite site) : PrivacyTests(site), IClassFixture<PostgresSite>;

/// <summary>A learner's rights over their data: consent, the optional questions, export, correction and deletion.</summary>
public abstract class PrivacyTests(PlatformFactory site)
{
    [Fact]
    public async Task Registering_asks_for_consent_then_the_optional_questions_separately()
    {
        var email = $"consent-{Guid.NewGuid():N}@test.literacy.local";
        var fields = new Dictionary<string, string>
        {
            ["DisplayName"] = "赵大爷", ["Email"] = email, ["Password"] = People.Password, ["ConfirmPassword"] = People.Password,
        };
        var visitor = site.Visitor();
        using var refused = await visitor.SubmitAsync("/account/register", "/account/register", fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("请阅读隐私说明，并勾选同意", (await refused.ParseAsync()).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await UserAsync(email));

        fields["Consent"] = "true";
        using var registered = await visitor.SubmitAsync("/account/register", "/account/register", fields);
        Assert.Equal("/account/privacy/about-you", registered.Headers.Location!.OriginalString);
        var user = (await UserAsync(email))!;
        Assert.Equal(Accounts.PrivacyNotice.Version, user.ConsentNoticeVersion);
        Assert.InRange(user.ConsentedUtc!.Value, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow);
        Assert.Equal(LearnerProfile.Untold, user.Profile);

        // Skippable: the page links home; answering saves only what was chosen and tells other modules.
        var questions = await visitor.GetPageAsync("/account/privacy/about-you");
        Assert.NotNull(questions.QuerySelector("a[href='/']"));
        using var bad = await visitor.SubmitAsync("/account/privacy/about-you", "/account/privacy/about-you", new Dictionary<string, string> { ["Region"] = "99" });
        Assert.Contains("请从列表里选择答案", (await bad.ParseAsync()).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(LearnerProfile.Untold, (await UserAsync(email))!.Profile);

        using var answered = await visitor.SubmitAsync("/account/privacy/about-you", "/account/privacy/about-you", new Dictionary<string, string> { ["AgeBand"] = "70-plus", ["Region"] = "51" });
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var told = new LearnerProfile("70-plus", "51", null);
        Assert.Equal(told, (await UserAsync(email))!.Profile);
        Assert.Contains(site.Events.All.OfType<LearnerProfileChanged>(), e => e.UserId == user.Id && e.Profile == told);
    }

    [Fact]
    public async Task A_learner_corrects_name_email_and_profile_and_bad_input_changes_nothing()
    {
        var (learner, email) = await site.LearnerAsync("钱阿姨");
        var (_, otherEmail) = await site.LearnerAsync();
        var id = (await UserAsync(email))!.Id;

        using var taken = await learner.SubmitAsync("/account/privacy", "/account/privacy", new Dictionary<string, string> { ["DisplayName"] = "钱秀英", ["Email"] = otherEmail });
        Assert.Contains("这个邮箱已经注册过了", (await taken.ParseAsync()).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        using var badAge = await learner.SubmitAsync("/account/privacy", "/account/privacy", new Dictionary<string, string> { ["DisplayName"] = "钱秀英", ["Email"] = email, ["About.AgeBand"] = "ancient" });
        Assert.Contains("请从列表里选择答案", (await badAge.ParseAsync()).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("钱阿姨", (await UserAsync(email))!.DisplayName);

        var newEmail = $"qian-{Guid.NewGuid():N}@test.literacy.local";
        using var saved = await learner.SubmitAsync("/account/privacy", "/account/privacy", new Dictionary<string, string>
        {
            ["DisplayName"] = "钱秀英", ["Email"] = newEmail, ["About.AgeBand"] = "60-69", ["About.Region"] = "44", ["About.OccupationGroup"] = "retired",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await learner.GetPageAsync("/account/privacy");
        Assert.Equal($"已保存。我们给 {newEmail} 发了一个链接，请打开它，确认这个新邮箱是您的。", page.QuerySelector("[role=status]")!.TextContent);
        Assert.Equal("钱秀英", page.QuerySelector("input[name=DisplayName]")!.GetAttribute("value"));
        Assert.Equal("44", page.QuerySelector("select[name='About.Region'] option[selected]")!.GetAttribute("value"));
        var user = (await UserAsync(newEmail))!;
        Assert.Equal((id, "钱秀英", new LearnerProfile("60-69", "44", "retired")), (user.Id, user.DisplayName, user.Profile));
        Assert.Contains(site.Events.All.OfType<LearnerProfileChanged>(), e => e.UserId == id && e.Profile == user.Profile);
        Assert.Equal(HttpStatusCode.Redirect, (await site.Visitor().SignInAsync(newEmail)).StatusCode);
    }

    [Fact]
    public async Task The_export_holds_the_learners_data_from_every_module_and_only_theirs()
    {
        var (learner, email, name, courseId, _) = await ActiveLearnerAsync();
        var (other, otherEmail) = await site.LearnerAsync("孙大姐");
        var id = (await UserAsync(email))!.Id;

        var copy = JsonDocument.Parse(await (await learner.GetAsync("/account/privacy/export.json")).Content.ReadAsStringAsync()).RootElement;
        var account = copy.GetProperty("account").GetProperty("account")[0];
        Assert.Equal((email, name), (account.GetProperty("email").GetString(), account.GetProperty("name").GetString()));
        Assert.Equal(courseId, copy.GetProperty("courses").GetProperty("enrolments")[0].GetProperty("course").GetString());
        Assert.Equal(2, copy.GetProperty("courses").GetProperty("lessons").GetArrayLength());
        Assert.Equal(1, copy.GetProperty("assessments").GetProperty("attempts").GetArrayLength());
        Assert.Equal("3", copy.GetProperty("credit-bank").GetProperty("ledger")[0].GetProperty("credits").GetString());
        Assert.Equal(1, copy.GetProperty("credit-bank").GetProperty("credentials").GetArrayLength());
        Assert.Equal(1, copy.GetProperty("live-classes").GetProperty("sign-ups").GetArrayLength());
        Assert.Equal("我想学视频通话", copy.GetProperty("live-classes").GetProperty("chat")[0].GetProperty("text").GetString());

        var page = await learner.GetPageAsync("/account/privacy/export");
        var text = page.QuerySelector("main")!.TextContent;
        foreach (var expected in new[] { email, name, courseId, "我想学视频通话", "您参加的课程", "您的测验答案", "您的学分，逐条列出", "您报名的直播课" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        // Another learner asking, even naming this learner, gets their own data; a visitor gets the sign-in page.
        var theirs = await (await other.GetAsync($"/account/privacy/export.json?userId={id}&id={id}")).Content.ReadAsStringAsync();
        Assert.Contains(otherEmail, theirs, StringComparison.Ordinal);
        Assert.DoesNotContain(email, theirs, StringComparison.Ordinal);
        Assert.DoesNotContain(email, (await other.GetPageAsync($"/account/privacy/export?userId={id}")).Body!.TextContent, StringComparison.Ordinal);
        using var visitor = await site.Visitor().GetAsync("/account/privacy/export.json");
        Assert.Equal("/account/login", visitor.Headers.Location!.AbsolutePath);

        await using var scope = site.Services.CreateAsyncScope();
        var exports = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().AuditEntries
            .Where(a => a.Action == "privacy.exported" && a.Target == id).Select(a => new { a.ActorId, a.Details }).ToListAsync();
        Assert.Equal(["json", "page"], exports.Select(e => e.Details!).Order());
        Assert.All(exports, e => Assert.Equal(id, e.ActorId));
    }

    [Fact]
    public async Task Deleting_an_account_leaves_nothing_personal_and_keeps_the_ledger_and_certificates_whole()
    {
        var (learner, email, name, _, credentialId) = await ActiveLearnerAsync();
        var id = (await UserAsync(email))!.Id;
        Assert.Contains(await PersonalTraces.FindAsync(site, email), c => c.EndsWith("AspNetUsers.Email", StringComparison.Ordinal)); // the search finds what is there
        Assert.Contains(await PersonalTraces.FindAsync(site, name), c => c.EndsWith("LiveClassEvents.Data", StringComparison.Ordinal)); // chat and hands name them

        var confirm = await learner.GetPageAsync("/account/privacy/delete");
        Assert.Contains("学分会留在学分银行的记录里", confirm.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        using var deleted = await learner.SubmitAsync("/account/privacy/delete", "/account/privacy/delete", new Dictionary<string, string>());
        Assert.Equal("/account/privacy/deleted", deleted.Headers.Location!.OriginalString);

        Assert.Empty(await PersonalTraces.FindAsync(site, email));
        Assert.Empty(await PersonalTraces.FindAsync(site, name));
        Assert.Null(await UserAsync(email));
        using var signedOut = await learner.GetAsync("/account/privacy");
        Assert.Equal("/account/login", signedOut.Headers.Location!.AbsolutePath);
        Assert.NotEqual(HttpStatusCode.Redirect, (await site.Visitor().SignInAsync(email)).StatusCode);

        await using var scope = site.Services.CreateAsyncScope();
        var credits = scope.ServiceProvider.GetRequiredService<CreditBankDbContext>();
        var account = await credits.Accounts.SingleAsync(a => credits.Credentials.Any(c => c.Id == credentialId && c.AccountId == a.Id));
        Assert.StartsWith("erased:", account.UserId, StringComparison.Ordinal);
        Assert.Equal(1, await credits.Entries.CountAsync(e => e.AccountId == account.Id));
        Assert.True((await scope.ServiceProvider.GetRequiredService<LedgerVerification>().VerifyAsync(CancellationToken.None)).Intact);
        Assert.Equal("有效", (await site.Visitor().GetPageAsync($"/credentials/{credentialId}")).QuerySelector(".verdict strong")!.TextContent);

        var audit = scope.ServiceProvider.GetRequiredService<PlatformDbContext>().AuditEntries;
        Assert.True(await audit.AnyAsync(a => a.Action == "account.deleted" && a.Target == id && a.ActorId == id));
        Assert.Contains(site.Events.All.OfType<LearnerProfileChanged>(), e => e.UserId == id && e.Profile == LearnerProfile.Untold);
        Assert.True((await scope.ServiceProvider.GetRequiredService<AuditVerification>().VerifyAsync(CancellationToken.None)).Intact);
    }

    [Fact]
    public async Task An_administrator_cannot_delete_their_own_account()
    {
        var admin = await site.AdminAsync();
        Assert.Contains("管理员账户不能注销", (await admin.GetPageAsync("/account/privacy/delete")).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(await UserAsync(People.AdminEmail));
    }

    [Fact]
    public async Task An_administrator_deletes_the_account_of_a_learner_who_asked_by_letter_and_the_trail_says_why()
    {
        var (_, email) = await site.LearnerAsync("孙婆婆");
        var id = (await UserAsync(email))!.Id;
        var admin = await site.AdminAsync();
        var search = $"/admin/users?search={Uri.EscapeDataString(email)}";
        Assert.NotNull((await admin.GetPageAsync(search)).QuerySelector($"a[href='/admin/users/{id}/delete']"));

        using (var noReason = await admin.SubmitAsync($"/admin/users/{id}/delete", $"/admin/users/{id}/delete", new Dictionary<string, string> { ["Why"] = " " }))
        {
            Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
            Assert.Contains("请写明谁提出的", (await noReason.ParseAsync()).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        }

        Assert.NotNull(await UserAsync(email));
        const string why = "本人 12 月 5 日来信要求删除，已电话核实";
        using (var deleted = await admin.SubmitAsync($"/admin/users/{id}/delete", $"/admin/users/{id}/delete", new Dictionary<string, string> { ["Why"] = why }))
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        Assert.Null(await UserAsync(email));
        var adminId = (await UserAsync(People.AdminEmail))!.Id;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().AuditEntries
                .AnyAsync(a => a.Action == "account.deleted" && a.Target == id && a.ActorId == adminId && a.Details == why));
        }

        // Nor from here can an administrator's account be deleted: the trail must go on naming who did administrative work.
        using (var own = await admin.SubmitAsync($"/admin/users/{adminId}/delete", $"/admin/users/{adminId}/delete", new Dictionary<string, string> { ["Why"] = "试试" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        }

        Assert.NotNull(await UserAsync(People.AdminEmail));
    }

    /// <summary>
    /// A learner with something in every module: a finished course with a quiz (credits and a certificate), a live class they
    /// signed up for, and a line they wrote in its chat.
    /// </summary>
    private async Task<(HttpClient Learner, string Email, string Name, string CourseId, Guid CredentialId)> ActiveLearnerAsync()
    {
        var (courseId, _) = await site.PublishFixtureCourseWithUnitAsync();
        var name = $"隐私{Guid.NewGuid().ToString("N")[..8]}";
        var (learner, email) = await site.LearnerAsync(name);
        await learner.CompleteFixtureCourseAsync(courseId);

        var (trainer, _) = await site.TrainerAsync();
        var classId = await trainer.ScheduleClassAsync(LiveClassSetup.ClassFields(site, TimeSpan.FromMinutes(10)));
        (await learner.TakePlaceAsync(classId)).Dispose();
        await using (var phone = await site.PhoneAsync(email))
        {
            await phone.Connection.StartAsync();
            await phone.Connection.InvokeAsync<ClassroomSnapshot>("Join", classId);
            await phone.Connection.InvokeAsync("SendChat", "我想学视频通话");
            await phone.Connection.InvokeAsync("RaiseHand");
        }

        await using var scope = site.Services.CreateAsyncScope();
        var id = (await UserAsync(email))!.Id;
        var events = scope.ServiceProvider.GetRequiredService<LiveClassesDbContext>().Events;
        for (var i = 0; i < 100 && !await events.AnyAsync(e => e.ClassId == classId && e.Kind == "hand-raised"); i++)
        {
            await Task.Delay(50); // the classroom writes its log behind the call
        }

        var credits = scope.ServiceProvider.GetRequiredService<CreditBankDbContext>();
        var credentialId = await credits.Credentials.Where(c => credits.Accounts.Any(a => a.Id == c.AccountId && a.UserId == id)).Select(c => c.Id).SingleAsync();
        return (learner, email, name, courseId, credentialId);
    }

    private async Task<PlatformUser?> UserAsync(string email)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>().FindByEmailAsync(email);
    }
}
