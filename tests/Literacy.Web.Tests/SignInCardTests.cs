using System.Net;
using Literacy.Data;
using Literacy.Modules.Display;
using Literacy.Modules.Permissions;
using Literacy.Testing;
using Literacy.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Web.Tests;

public sealed class SqliteSignInCardTests(SqliteSite site) : SignInCardTests(site), IClassFixture<SqliteSite>;

public sealed class PostgresSignInCardTests(PostgresSite site) : SignInCardTests(site), IClassFixture<PostgresSite>;

/// <summary>A trainer registers an older learner in person and prints a QR sign-in card; the learner signs in with it.</summary>
public abstract class SignInCardTests(PlatformFactory site)
{
    [Fact]
    public async Task A_trainer_registers_a_learner_with_consent_and_the_card_signs_them_in_without_a_password()
    {
        var (trainer, trainerEmail) = await site.TrainerAsync();
        var link = await RegisterAsync(trainer, "李奶奶", phone: "13800138000");

        var phone = site.Visitor();
        var card = await phone.GetPageAsync(link);
        Assert.Contains("李奶奶", card.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await phone.GetPageAsync("/")).QuerySelector("a[href='/account/login']")); // opening the link alone signs nobody in

        using var signedIn = await phone.SubmitAsync(link, new Uri(link).AbsolutePath, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.True(DisplayPreferences.Parse(CookieValue(signedIn, DisplayPreferences.CookieName)).Elder); // elder mode from the start
        Assert.NotNull((await phone.GetPageAsync("/")).QuerySelector("form[action='/account/logout']"));

        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        var learner = await db.Users.SingleAsync(u => u.PhoneNumber == "13800138000");
        Assert.Equal("李奶奶", learner.DisplayName);
        Assert.False(await users.HasPasswordAsync(learner));
        Assert.Equal([Roles.Learner], await users.GetRolesAsync(learner));
        var trainerId = (await users.FindByEmailAsync(trainerEmail))!.Id;
        var consent = await db.RecordedConsents.SingleAsync(c => c.UserId == learner.Id);
        Assert.Equal(trainerId, consent.RecordedById);
        Assert.True(consent.RecordedUtc > DateTime.UtcNow.AddMinutes(-5));
        var stored = await db.SignInCards.SingleAsync(c => c.UserId == learner.Id);
        var secret = link.Split('/')[^1];
        Assert.DoesNotContain(secret, stored.SecretHash, StringComparison.Ordinal); // only a hash is kept
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "signin-card.issued" && a.Target == learner.Id && a.ActorId == trainerId));
    }

    [Fact]
    public async Task A_lost_card_stops_at_once_and_the_new_card_works()
    {
        var (trainer, _) = await site.TrainerAsync();
        var oldLink = await RegisterAsync(trainer, "张爷爷");
        var finder = site.Visitor();
        var found = await finder.GetPageAsync(oldLink); // someone found the card and opened it before the trainer stopped it

        var userId = await UserIdAsync("张爷爷");
        using var revoked = await trainer.SubmitAsync("/cards", $"/cards/{userId}/revoke", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);

        var token = found.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var replayed = await finder.PostAsync(new Uri(oldLink).AbsolutePath, new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.NotFound, replayed.StatusCode);
        Assert.Contains("这张登录卡已经停用了", await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull((await finder.GetPageAsync("/")).QuerySelector("a[href='/account/login']"));

        using var reissued = await trainer.SubmitAsync("/cards", $"/cards/{userId}/reissue", new Dictionary<string, string>());
        var newLink = (await reissued.ParseAsync()).QuerySelector("figure.qr figcaption")!.TextContent.Trim();
        Assert.NotEqual(oldLink, newLink);
        using var oldAgain = await site.Visitor().GetAsync(new Uri(oldLink).AbsolutePath);
        Assert.Equal(HttpStatusCode.NotFound, oldAgain.StatusCode);
        var owner = site.Visitor();
        using var signedIn = await owner.SubmitAsync(newLink, new Uri(newLink).AbsolutePath, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        Assert.Equal(["signin-card.issued", "signin-card.issued", "signin-card.revoked"],
            (await db.AuditEntries.Where(a => a.Target == userId).Select(a => a.Action).ToListAsync()).Order());
    }

    [Fact]
    public async Task A_forged_card_is_refused_in_plain_words()
    {
        var visitor = site.Visitor();
        foreach (var forged in new[] { "/card/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "/card/short" })
        {
            using var response = await visitor.GetAsync(forged);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("这张登录卡已经停用了，或者不是我们发的卡", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Without_the_learners_consent_nothing_is_created()
    {
        var (trainer, _) = await site.TrainerAsync();
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var (users, consents) = (await db.Users.CountAsync(), await db.RecordedConsents.CountAsync());
        using var response = await trainer.SubmitAsync("/cards/new", "/cards/new", new Dictionary<string, string> { ["DisplayName"] = "没同意的人" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请把隐私说明读给学员听，学员同意后再打勾", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(users, await db.Users.CountAsync());
        Assert.Equal(consents, await db.RecordedConsents.CountAsync());
    }

    [Fact]
    public async Task A_card_never_opens_a_staff_account_and_learners_cannot_make_cards()
    {
        var (trainer, _) = await site.TrainerAsync();
        var link = await RegisterAsync(trainer, "后来当了老师的人");
        var userId = await UserIdAsync("后来当了老师的人");
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
            await users.AddToRoleAsync((await users.FindByIdAsync(userId))!, Roles.Trainer);
        }

        using var refused = await site.Visitor().GetAsync(new Uri(link).AbsolutePath);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);

        var (learner, _) = await site.LearnerAsync();
        using var denied = await learner.GetAsync("/cards/new");
        Assert.Equal("/account/denied", denied.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task A_trainer_handles_only_the_cards_of_learners_they_registered_and_an_administrator_all()
    {
        var (registrar, _) = await site.TrainerAsync("陈老师");
        var link = await RegisterAsync(registrar, "赵阿姨");
        var userId = await UserIdAsync("赵阿姨");

        // Another trainer neither sees her nor can print (and so sign in with) a card for her, nor stop hers: the same 404 as for nobody.
        var (other, _) = await site.TrainerAsync("刘老师");
        var list = await other.GetPageAsync("/cards");
        Assert.DoesNotContain("赵阿姨", list.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var token = list.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var action in new[] { $"/cards/{userId}/reissue", $"/cards/{userId}/revoke", "/cards/nobody/reissue", "/cards/nobody/revoke" })
        {
            using var refused = await other.PostAsync(action, new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token)]));
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        using (var stillWorks = await site.Visitor().GetAsync(new Uri(link).AbsolutePath))
        {
            Assert.Equal(HttpStatusCode.OK, stillWorks.StatusCode);
        }

        using (var byRegistrar = await registrar.SubmitAsync("/cards", $"/cards/{userId}/reissue", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.OK, byRegistrar.StatusCode);
        }

        var admin = await site.AdminAsync();
        var found = $"/cards?search={Uri.EscapeDataString("赵阿姨")}"; // the administrator sees every trainer's learners: found by name
        using var byAdmin = await admin.SubmitAsync(found, $"/cards/{userId}/reissue", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, byAdmin.StatusCode);
        Assert.NotNull((await byAdmin.ParseAsync()).QuerySelector(".signin-card figure.qr svg"));
        using var revoked = await admin.SubmitAsync(found, $"/cards/{userId}/revoke", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);

        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        Assert.Equal(["signin-card.issued", "signin-card.issued", "signin-card.issued", "signin-card.revoked"],
            (await db.AuditEntries.Where(a => a.Target == userId).Select(a => a.Action).ToListAsync()).Order());
    }

    [Fact]
    public async Task Stopping_a_card_signs_out_whoever_signed_in_with_it_within_the_check_interval()
    {
        var clock = new ManualClock();
        await using var timed = new PlatformFactory(TestDatabase.Create(site.Database.Provider)) { Clock = clock };
        var (trainer, _) = await timed.TrainerAsync();
        var link = await RegisterAsync(trainer, "王阿姨");
        var finder = timed.Visitor();
        (await finder.SubmitAsync(link, new Uri(link).AbsolutePath, new Dictionary<string, string>())).Dispose();
        Assert.NotNull((await finder.GetPageAsync("/")).QuerySelector("form[action='/account/logout']"));

        await using (var scope = timed.Services.CreateAsyncScope())
        {
            var userId = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Users.Where(u => u.DisplayName == "王阿姨").Select(u => u.Id).SingleAsync();
            (await trainer.SubmitAsync("/cards", $"/cards/{userId}/revoke", new Dictionary<string, string>())).Dispose();
        }

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.NotNull((await finder.GetPageAsync("/")).QuerySelector("a[href='/account/login']"));
    }

    [Fact]
    public async Task A_learner_without_an_email_corrects_their_name_and_leaves_the_email_empty()
    {
        var (trainer, _) = await site.TrainerAsync();
        var link = await RegisterAsync(trainer, "刘奶奶");
        var phone = site.Visitor();
        (await phone.SubmitAsync(link, new Uri(link).AbsolutePath, new Dictionary<string, string>())).Dispose();

        using var saved = await phone.SubmitAsync("/account/privacy", "/account/privacy", new Dictionary<string, string> { ["DisplayName"] = "刘秀兰", ["Email"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var scope = site.Services.CreateAsyncScope();
        var learner = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Users.AsNoTracking().SingleAsync(u => u.DisplayName == "刘秀兰");
        Assert.Null(learner.Email);
        Assert.NotNull((await phone.GetPageAsync("/")).QuerySelector("form[action='/account/logout']")); // still signed in by the card
    }

    [Fact]
    public async Task Whoever_signs_in_with_a_card_cannot_give_the_account_a_new_email_address_or_delete_it()
    {
        // A card can be lost. With a new email address, whoever found it could set a password through "forgot password" and
        // keep the account after the card is stopped; or delete it. The restriction must outlast the session's minute-by-minute check.
        var clock = new ManualClock();
        await using var timed = new PlatformFactory(TestDatabase.Create(site.Database.Provider)) { Clock = clock };
        var (trainer, _) = await timed.TrainerAsync();
        var link = await RegisterAsync(trainer, "周大爷");
        var finder = timed.Visitor();
        (await finder.SubmitAsync(link, new Uri(link).AbsolutePath, new Dictionary<string, string>())).Dispose();
        clock.Advance(TimeSpan.FromMinutes(2)); // past the security stamp check, which builds the session's principal again
        Assert.NotNull((await finder.GetPageAsync("/")).QuerySelector("form[action='/account/logout']"));

        var privacy = await finder.GetPageAsync("/account/privacy");
        Assert.True(privacy.QuerySelector("input[name=Email]")!.HasAttribute("readonly"));
        using var changed = await finder.SubmitAsync("/account/privacy", "/account/privacy", new Dictionary<string, string> { ["DisplayName"] = "周大爷", ["Email"] = "finder@example.org" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains("您是用登录卡登录的，所以不能在这里改邮箱地址", (await changed.ParseAsync()).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var delete = await finder.GetPageAsync("/account/privacy/delete");
        Assert.Contains("只凭卡片不能删除账户", delete.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(delete.QuerySelector("form[action='/account/privacy/delete']"));
        var token = privacy.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var deleted = await finder.PostAsync("/account/privacy/delete", new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);

        await using var scope = timed.Services.CreateAsyncScope();
        var learner = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Users.AsNoTracking().SingleAsync(u => u.DisplayName == "周大爷");
        Assert.Null(learner.Email);
        Assert.NotNull((await finder.GetPageAsync("/")).QuerySelector("form[action='/account/logout']")); // learning goes on
    }

    [Fact]
    public async Task The_trainer_who_registered_a_learner_gives_them_an_email_address_and_deletes_their_account_with_them()
    {
        var (registrar, registrarEmail) = await site.TrainerAsync("孙老师");
        await RegisterAsync(registrar, "钱阿姨");
        var userId = await UserIdAsync("钱阿姨");
        var email = $"qian-{Guid.NewGuid():N}@example.org";

        var (other, _) = await site.TrainerAsync("吴老师");
        using (var unseen = await other.GetAsync($"/cards/{userId}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unseen.StatusCode);
        }

        var token = (await other.GetPageAsync("/cards")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var (action, field) in new[] { ($"/cards/{userId}/email", KeyValuePair.Create("Email", "other@example.org")), ($"/cards/{userId}/delete", KeyValuePair.Create("x", "y")) })
        {
            using var refused = await other.PostAsync(action, new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token), field]));
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        var learnerPage = await registrar.GetPageAsync("/cards");
        Assert.NotNull(learnerPage.QuerySelector($"a[href='/cards/{userId}']"));
        using (var saved = await registrar.SubmitAsync($"/cards/{userId}", $"/cards/{userId}/email", new Dictionary<string, string> { ["Email"] = email }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Contains(email, (await registrar.GetPageAsync($"/cards/{userId}")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var learner = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == userId);
            Assert.Equal(email, learner.Email);
            Assert.Equal(email, learner.UserName); // the name to sign in with, once they set a password
            Assert.False(learner.EmailConfirmed); // until the learner opens the link sent there
        }

        using (var deleted = await registrar.SubmitAsync($"/cards/{userId}/delete", $"/cards/{userId}/delete", new Dictionary<string, string>()))
        {
            Assert.Equal("/cards", deleted.Headers.Location!.OriginalString);
        }

        Assert.Contains("钱阿姨的账户和个人信息已经删除", (await registrar.GetPageAsync("/cards")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            Assert.False(await db.Users.AnyAsync(u => u.Id == userId));
            var registrarId = await db.Users.Where(u => u.Email == registrarEmail).Select(u => u.Id).SingleAsync();
            Assert.Equal(["account.deleted", "account.email-set"],
                (await db.AuditEntries.Where(a => a.Target == userId && a.ActorId == registrarId && a.Action.StartsWith("account.")).Select(a => a.Action).ToListAsync()).Order());
        }
    }

    /// <summary>A trainer who registered many learners finds one by name, and reaches all of them page by page, newest first.</summary>
    [Fact]
    public async Task A_trainer_finds_a_learner_by_name_and_pages_through_all_they_registered()
    {
        var (trainer, trainerEmail) = await site.TrainerAsync();
        await RegisterAsync(trainer, "孙奶奶"); // the first registered, so the last in the list
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var trainerId = (await users.FindByEmailAsync(trainerEmail))!.Id;
            for (var i = 0; i < 50; i++)
            {
                var learner = new PlatformUser { UserName = $"card-{Guid.NewGuid():N}", DisplayName = $"学员{i:00}" };
                Assert.True((await users.CreateAsync(learner)).Succeeded);
                db.RecordedConsents.Add(new RecordedConsent { UserId = learner.Id, RecordedById = trainerId, RecordedUtc = DateTime.UtcNow.AddMinutes(1 + i) });
            }

            await db.SaveChangesAsync();
        }

        var first = await trainer.GetPageAsync("/cards");
        Assert.Equal(50, first.QuerySelectorAll("tbody tr").Length);
        Assert.DoesNotContain("孙奶奶", first.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
        var second = await trainer.GetPageAsync(first.QuerySelector("nav a[href*='page=2']")!.GetAttribute("href")!);
        Assert.Contains("孙奶奶", Assert.Single(second.QuerySelectorAll("tbody tr")).TextContent, StringComparison.Ordinal);

        var found = await trainer.GetPageAsync($"/cards?search={Uri.EscapeDataString("孙")}");
        Assert.Contains("孙奶奶", Assert.Single(found.QuerySelectorAll("tbody tr")).TextContent, StringComparison.Ordinal);
        var none = await trainer.GetPageAsync($"/cards?search={Uri.EscapeDataString("没有这个人")}");
        Assert.Empty(none.QuerySelectorAll("tbody tr"));
        Assert.NotNull(none.QuerySelector("p.empty"));
    }

    /// <summary>Registers a learner through the form with their consent; returns the card's link from the printable page.</summary>
    private static async Task<string> RegisterAsync(HttpClient trainer, string name, string phone = "")
    {
        using var response = await trainer.SubmitAsync("/cards/new", "/cards/new", new Dictionary<string, string>
        {
            ["DisplayName"] = name, ["Phone"] = phone, ["Email"] = "", ["Consent"] = "true",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.NotNull(page.QuerySelector(".signin-card figure.qr svg"));
        return page.QuerySelector("figure.qr figcaption")!.TextContent.Trim();
    }

    private async Task<string> UserIdAsync(string name)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Users.Where(u => u.DisplayName == name).Select(u => u.Id).SingleAsync();
    }

    private static string CookieValue(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(name + "=", StringComparison.Ordinal)).Split('=', 2)[1];
}
