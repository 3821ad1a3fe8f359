using System.Net;
using Literacy.Data;
using Literacy.Modules.Permissions;
using Literacy.Testing;
using Literacy.Web.Data;
using Literacy.Web.Setup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Web.Tests;

/// <summary>A site on SQLite for the SQLite run of <see cref="PlatformTests"/>.</summary>
public sealed class SqliteSite() : PlatformFactory(TestDatabase.Create(DatabaseProvider.Sqlite));

/// <summary>A site on PostgreSQL for the PostgreSQL run of <see cref="PlatformTests"/>.</summary>
public sealed class PostgresSite() : PlatformFactory(TestDatabase.Create(DatabaseProvider.PostgreSql));

public sealed class SqlitePlatformTests(SqliteSite site) : PlatformTests(site), IClassFixture<SqliteSite>;

public sealed class PostgresPlatformTests(PostgresSite site) : PlatformTests(site), IClassFixture<PostgresSite>;

/// <summary>What people do with the platform itself, run once on each database provider.</summary>
public abstract class PlatformTests(PlatformFactory site)
{
    protected PlatformFactory Site { get; } = site;

    [Fact]
    public async Task A_new_database_gets_every_migration_and_the_setup_recipe()
    {
        await using var scope = Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.True(await db.SiteSettings.AnyAsync(s => s.Name == SiteSetting.SetupRecipe));
        Assert.Equal(Roles.All.Order(), (await db.Roles.Select(r => r.Name!).ToListAsync()).Order());

        using var health = await Site.Visitor().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Setup_link_creates_the_first_administrator_once()
    {
        var visitor = Site.Visitor();
        using var noToken = await visitor.GetAsync("/setup");
        Assert.Equal(HttpStatusCode.NotFound, noToken.StatusCode);
        using var wrongToken = await visitor.GetAsync("/setup?token=0123456789abcdef");
        Assert.Equal(HttpStatusCode.NotFound, wrongToken.StatusCode);

        var token = Site.Service<SetupToken>().Value;
        var admin = await Site.AdminAsync();
        using var adminHome = await admin.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, adminHome.StatusCode);

        Assert.False(Site.Service<SetupToken>().IsActive);
        if (token is not null)
        {
            using var reused = await visitor.GetAsync($"/setup?token={token}");
            Assert.Equal(HttpStatusCode.NotFound, reused.StatusCode);
        }
    }

    [Fact]
    public async Task A_visitor_registers_as_a_learner_and_is_signed_in()
    {
        var (learner, email) = await Site.LearnerAsync("王阿姨");
        var home = await learner.GetPageAsync("/");
        Assert.NotNull(home.QuerySelector("form[action='/account/logout']"));

        await using var scope = Site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PlatformUser>>();
        var user = await users.FindByEmailAsync(email);
        Assert.Equal("王阿姨", user!.DisplayName);
        Assert.Equal([Roles.Learner], await users.GetRolesAsync(user));

        using var admin = await learner.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.Equal("/account/denied", admin.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Registering_twice_with_one_email_is_refused_in_plain_words()
    {
        var (_, email) = await Site.LearnerAsync();
        using var again = await Site.Visitor().SubmitAsync("/account/register", "/account/register", new Dictionary<string, string>
        {
            ["DisplayName"] = "Someone", ["Email"] = email, ["Password"] = People.Password, ["ConfirmPassword"] = People.Password, ["Consent"] = "true",
        });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("这个邮箱已经注册过了", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_common_password_is_refused()
    {
        using var response = await Site.Visitor().SubmitAsync("/account/register", "/account/register", new Dictionary<string, string>
        {
            ["DisplayName"] = "Someone", ["Email"] = $"c-{Guid.NewGuid():N}@test.local", ["Password"] = "12345678", ["ConfirmPassword"] = "12345678", ["Consent"] = "true",
        });
        Assert.Contains("这个密码太常见", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_out_then_sign_in_again()
    {
        var (learner, email) = await Site.LearnerAsync();
        using var signedOut = await learner.SubmitAsync("/", "/account/logout", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.NotNull((await learner.GetPageAsync("/")).QuerySelector("a[href='/account/login']"));

        using var signedIn = await learner.SignInAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.NotNull((await learner.GetPageAsync("/")).QuerySelector("form[action='/account/logout']"));
    }

    [Fact]
    public async Task A_learner_changes_their_password()
    {
        var (learner, email) = await Site.LearnerAsync();
        const string newPassword = "the moon over the hills";
        using var changed = await learner.SubmitAsync("/account/password", "/account/password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = People.Password, ["NewPassword"] = newPassword, ["ConfirmPassword"] = newPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        using var oldOne = await Site.Visitor().SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, oldOne.StatusCode);
        using var newOne = await Site.Visitor().SignInAsync(email, newPassword);
        Assert.Equal(HttpStatusCode.Redirect, newOne.StatusCode);
    }

    [Fact]
    public async Task A_changed_password_signs_the_learner_out_on_their_other_devices_within_the_check_interval()
    {
        var clock = new ManualClock();
        await using var timed = new PlatformFactory(TestDatabase.Create(Site.Database.Provider)) { Clock = clock };
        var (phone, email) = await timed.LearnerAsync();
        var computer = timed.Visitor();
        (await computer.SignInAsync(email)).Dispose();
        const string newPassword = "the river under the bridge";
        using var changed = await phone.SubmitAsync("/account/password", "/account/password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = People.Password, ["NewPassword"] = newPassword, ["ConfirmPassword"] = newPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        // Within the interval the other device's session is not checked yet; after it, it is, and it has ended.
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.NotNull((await computer.GetPageAsync("/")).QuerySelector("form[action='/account/logout']"));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.NotNull((await computer.GetPageAsync("/")).QuerySelector("a[href='/account/login']"));
        Assert.NotNull((await phone.GetPageAsync("/")).QuerySelector("form[action='/account/logout']"));
    }

    [Fact]
    public async Task An_administrator_makes_a_learner_a_trainer_and_it_is_audited()
    {
        var admin = await Site.AdminAsync();
        var (_, email) = await Site.LearnerAsync();
        var page = await admin.GetPageAsync($"/admin/users?search={Uri.EscapeDataString(email)}");
        var action = page.QuerySelector("form[action$='/role']")!.GetAttribute("action")!;

        using var changed = await admin.SubmitAsync($"/admin/users?search={Uri.EscapeDataString(email)}", action, new Dictionary<string, string> { ["role"] = Roles.Trainer });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        await using var scope = Site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PlatformUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        Assert.Equal([Roles.Trainer], await users.GetRolesAsync(user));
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "user.role-changed" && a.Target == user.Id);
        Assert.Equal((await users.FindByEmailAsync(People.AdminEmail))!.Id, entry.ActorId);
        Assert.Equal("Learner -> Trainer", entry.Details);
    }

    /// <summary>Every setting of a person's own account is one link from the header, with what the modules add (email, course suggestions).</summary>
    [Fact]
    public async Task A_learner_finds_all_their_account_settings_on_one_page()
    {
        var (learner, email) = await Site.LearnerAsync("冯阿姨");
        var home = await learner.GetPageAsync("/");
        Assert.Equal(["/account"], home.QuerySelectorAll(".account-nav a").Select(a => a.GetAttribute("href")));
        Assert.NotNull(home.QuerySelector(".account-nav form[action='/account/logout'] button"));

        var page = await learner.GetPageAsync("/account");
        Assert.Equal($"您现在登录的是：冯阿姨（{email}）。", page.QuerySelector("main .lead")!.TextContent);
        Assert.NotNull(page.QuerySelector("main form[action='/account/logout'] button"));
        Assert.Equal(["/account/password", "/account/email", "/courses/suggestions", "/display", "/account/privacy"], page.QuerySelectorAll("main ul.settings a").Select(a => a.GetAttribute("href")));

        using var visitor = await Site.Visitor().GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, visitor.StatusCode);
        Assert.Equal("/account/login", visitor.Headers.Location!.AbsolutePath);
    }

    /// <summary>The front page's "Go on learning" comes from the course catalog, and goes with it when it is switched off.</summary>
    [Fact]
    public async Task The_front_page_leads_back_to_a_started_course_while_the_catalog_is_on()
    {
        await using var site = new PlatformFactory(TestDatabase.Create(Site.Database.Provider));
        var (learner, _) = await site.LearnerAsync();
        (await learner.FinishLessonAsync("stop-fraud", "golden-rules")).Dispose();
        Assert.Equal("/courses/stop-fraud/lessons/fake-officials", (await learner.GetPageAsync("/")).QuerySelector(".go-on a.continue")!.GetAttribute("href"));

        var admin = await site.AdminAsync();
        using var off = await admin.SubmitAsync("/admin/modules", "/admin/modules/Courses/disable", new Dictionary<string, string> { ["confirmed"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        var home = await learner.GetPageAsync("/");
        Assert.NotNull(home.QuerySelector("main h1"));
        Assert.Null(home.QuerySelector(".go-on"));
    }

    /// <summary>A search with characters that mean something in an address (here "&amp;") carries over to the next page.</summary>
    [Fact]
    public async Task An_administrator_pages_through_a_search_for_users()
    {
        var admin = await Site.AdminAsync();
        var team = $"R&D {Guid.NewGuid():N}"[..12];
        await using (var scope = Site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PlatformUser>>();
            for (var i = 0; i < 51; i++)
            {
                var email = $"{team[4..]}-{i:00}@example.org";
                Assert.True((await users.CreateAsync(new PlatformUser { UserName = email, Email = email, DisplayName = $"{team} 组员{i:00}" })).Succeeded);
            }
        }

        var first = await admin.GetPageAsync($"/admin/users?search={Uri.EscapeDataString(team)}");
        Assert.Equal(50, first.QuerySelectorAll("tbody tr").Length);
        Assert.Null(first.QuerySelector("nav a[href*='page=0']"));
        var next = first.QuerySelector("nav[aria-label='更多用户'] a[href*='page=2']")!.GetAttribute("href")!;

        var second = await admin.GetPageAsync(next);
        Assert.Contains($"{team} 组员50", Assert.Single(second.QuerySelectorAll("tbody tr")).TextContent, StringComparison.Ordinal);
        Assert.Equal(team, second.QuerySelector("input#search")!.GetAttribute("value"));
        Assert.Null(second.QuerySelector("nav a[href*='page=3']"));
        Assert.NotNull(second.QuerySelector("nav a[href*='page=1']"));
    }

    [Fact]
    public async Task A_changed_role_reaches_the_persons_open_session_within_the_check_interval_without_signing_them_out()
    {
        var clock = new ManualClock();
        await using var timed = new PlatformFactory(TestDatabase.Create(Site.Database.Provider)) { Clock = clock };
        var admin = await timed.AdminAsync();
        var (person, email) = await timed.LearnerAsync();
        var search = $"/admin/users?search={Uri.EscapeDataString(email)}";
        var action = (await admin.GetPageAsync(search)).QuerySelector("form[action$='/role']")!.GetAttribute("action")!;
        async Task ChangeRoleAsync(string role) => (await admin.SubmitAsync(search, action, new Dictionary<string, string> { ["role"] = role })).Dispose();
        async Task<string> TrainerPageAsync()
        {
            using var response = await person.GetAsync("/trainer/courses");
            return response.StatusCode == HttpStatusCode.OK ? "served" : response.Headers.Location!.AbsolutePath;
        }

        Assert.Equal("/account/denied", await TrainerPageAsync());
        await ChangeRoleAsync(Roles.Trainer);
        Assert.Contains("一分钟内就会生效，不用重新登录", (await admin.GetPageAsync(search)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("served", await TrainerPageAsync());

        await ChangeRoleAsync(Roles.Learner);
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal("/account/denied", await TrainerPageAsync());
        Assert.NotNull((await person.GetPageAsync("/")).QuerySelector("form[action='/account/logout']")); // still signed in
    }

    [Fact]
    public async Task A_learner_cannot_change_roles()
    {
        var (learner, email) = await Site.LearnerAsync();
        await using var scope = Site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PlatformUser>>();
        var id = (await users.FindByEmailAsync(email))!.Id;

        var token = (await learner.GetPageAsync("/")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var attempt = await learner.PostAsync($"/admin/users/{id}/role", new FormUrlEncodedContent(
            [KeyValuePair.Create("role", Roles.Administrator), KeyValuePair.Create("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, attempt.StatusCode);
        Assert.Equal("/account/denied", attempt.Headers.Location!.AbsolutePath);
        Assert.Equal([Roles.Learner], await users.GetRolesAsync((await users.FindByEmailAsync(email))!));
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        var admin = await Site.AdminAsync();
        using var forged = await admin.PostAsync("/admin/appearance", new FormUrlEncodedContent([KeyValuePair.Create("theme", "Countryside")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.NotEqual("Countryside", Site.Service<Literacy.Modules.Features.SiteState>().ThemeId);
    }

    [Fact]
    public async Task Switching_a_feature_off_shows_what_else_changes_then_hides_its_pages_and_menu_at_once()
    {
        var admin = await Site.AdminAsync();
        var visitor = Site.Visitor();
        Assert.NotNull((await visitor.GetPageAsync("/")).QuerySelector("nav.main-nav a[href='/courses']"));
        try
        {
            // Quizzes and the credit bank need courses: the administrator is shown that first, and nothing changes yet.
            using var asked = await admin.SubmitAsync("/admin/modules", "/admin/modules/Courses/disable", new Dictionary<string, string>());
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
            Assert.Equal(["Assessments", "CreditBank"], (await asked.ParseAsync()).QuerySelectorAll("#also-changed li").Select(li => li.TextContent).Order());
            using var stillThere = await visitor.GetAsync("/courses");
            Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);

            using var off = await admin.SubmitAsync("/admin/modules", "/admin/modules/Courses/disable", new Dictionary<string, string> { ["confirmed"] = "true" });
            Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);

            using var gone = await visitor.GetAsync("/courses");
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
            Assert.Contains("找不到这个页面", await gone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Null((await visitor.GetPageAsync("/")).QuerySelector("nav.main-nav a[href='/courses']"));
        }
        finally
        {
            // Switching quizzes back on brings courses with them, after confirming.
            using var on = await admin.SubmitAsync("/admin/modules", "/admin/modules/Assessments/enable", new Dictionary<string, string> { ["confirmed"] = "true" });
            Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
            using var credits = await admin.SubmitAsync("/admin/modules", "/admin/modules/CreditBank/enable", new Dictionary<string, string>());
            Assert.Equal(HttpStatusCode.Redirect, credits.StatusCode);
        }

        using var back = await visitor.GetAsync("/courses");
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.NotNull((await visitor.GetPageAsync("/")).QuerySelector("nav.main-nav a[href='/courses']"));

        await using var scope = Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "feature.disabled" && a.Target == "Courses" && a.Details!.StartsWith("Courses, ") && a.Details.Contains("CreditBank")));
        Assert.True((await db.FeatureSwitches.SingleAsync(f => f.FeatureId == "Courses")).Enabled);
        Assert.True((await db.FeatureSwitches.SingleAsync(f => f.FeatureId == "Assessments")).Enabled);
    }

    [Fact]
    public async Task An_unknown_feature_cannot_be_switched()
    {
        var admin = await Site.AdminAsync();
        // Post by hand to a feature that does not exist, with a valid token.
        var token = (await admin.GetPageAsync("/admin/modules")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var unknown = await admin.PostAsync("/admin/modules/Teleport/enable", new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, unknown.StatusCode);
        var page = await admin.GetPageAsync("/admin/modules");
        Assert.Contains("There is no feature 'Teleport'.", page.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_administrator_switches_the_theme_and_it_overrides_a_module_view()
    {
        var admin = await Site.AdminAsync();
        var visitor = Site.Visitor();
        try
        {
            using var chosen = await admin.SubmitAsync("/admin/appearance", "/admin/appearance", new Dictionary<string, string> { ["theme"] = "Countryside" });
            Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);

            var catalog = await visitor.GetPageAsync("/courses");
            Assert.NotNull(catalog.QuerySelector("link[href*='countryside.css']"));
            Assert.Contains("手机就是新农具", catalog.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            using var back = await admin.SubmitAsync("/admin/appearance", "/admin/appearance", new Dictionary<string, string> { ["theme"] = "Default" });
        }

        var plain = await visitor.GetPageAsync("/courses");
        Assert.Null(plain.QuerySelector("link[href*='countryside.css']"));
        Assert.DoesNotContain("手机就是新农具", plain.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_speak_chinese_first_and_english_after_one_click()
    {
        var visitor = Site.Visitor();
        var chinese = await visitor.GetPageAsync("/account/login");
        Assert.Equal("zh-CN", chinese.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ltr", chinese.DocumentElement.GetAttribute("dir"));
        Assert.Equal("登录", chinese.QuerySelector("h1")!.TextContent);

        var form = chinese.QuerySelector("form.lang-switch")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal(["English"], form.QuerySelectorAll("button").Select(b => b.TextContent)); // only the language to switch to
        using var switched = await visitor.GetAsync("/culture?culture=en&returnUrl=%2Faccount%2Flogin");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/account/login", switched.Headers.Location!.OriginalString);

        var english = await visitor.GetPageAsync("/account/login");
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Sign in", english.QuerySelector("h1")!.TextContent);
        Assert.Equal(["中文"], english.QuerySelectorAll("form.lang-switch button").Select(b => b.TextContent));
    }

    [Fact]
    public async Task The_language_switch_never_redirects_off_the_site()
    {
        var visitor = Site.Visitor();
        using var response = await visitor.GetAsync("/culture?culture=en&returnUrl=https%3A%2F%2Fevil.example%2F");
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Every_page_carries_the_security_headers()
    {
        using var response = await Site.Visitor().GetAsync("/");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Admin_pages_send_a_visitor_to_sign_in()
    {
        foreach (var url in new[] { "/admin", "/admin/users", "/admin/modules", "/admin/appearance" })
        {
            using var response = await Site.Visitor().GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
        }
    }
}
