using System.Net;
using Literacy.Data;
using Literacy.Testing;
using Literacy.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Web.Tests;

public sealed class SqliteSignInProtectionTests(SqliteSite site) : SignInProtectionTests(site, DatabaseProvider.Sqlite), IClassFixture<SqliteSite>;

public sealed class PostgresSignInProtectionTests(PostgresSite site) : SignInProtectionTests(site, DatabaseProvider.PostgreSql), IClassFixture<PostgresSite>;

/// <summary>Guessing passwords, common passwords, redirects off the site and oversized forms: refused in plain words.</summary>
public abstract class SignInProtectionTests(PlatformFactory site, DatabaseProvider provider)
{
    [Fact]
    public async Task A_locked_account_says_for_how_long_and_what_to_do_in_each_language()
    {
        var (_, email) = await site.LearnerAsync();
        var stranger = site.Visitor();
        (await stranger.GetAsync("/culture?culture=en&returnUrl=%2F")).Dispose();
        for (var i = 0; i < 5; i++)
        {
            (await stranger.SignInAsync(email, "not the password at all")).Dispose();
        }

        using var right = await stranger.SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var text = (await right.ParseAsync()).QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("locked for 15 minutes after 5 wrong tries", text, StringComparison.Ordinal);
        Assert.Contains("Forgot your password?", text, StringComparison.Ordinal);

        (await stranger.GetAsync("/culture?culture=zh-CN&returnUrl=%2F")).Dispose();
        using var chinese = await stranger.SignInAsync(email);
        Assert.Contains("账户已锁定 15 分钟", await chinese.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await using var scope = site.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>().FindByEmailAsync(email);
        Assert.True(user!.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14));
    }

    [Theory]
    [InlineData("12345678")]
    [InlineData("woaini1314")] // common in China
    [InlineData("Football1")] // letters compare without case
    [InlineData("starwars1")] // from the long list, far down
    public async Task A_common_password_is_refused_at_registration(string password)
    {
        var email = $"c-{Guid.NewGuid():N}@test.local";
        using var response = await site.Visitor().SubmitAsync("/account/register", "/account/register", new Dictionary<string, string>
        {
            ["DisplayName"] = "Someone", ["Email"] = email, ["Password"] = password, ["ConfirmPassword"] = password, ["Consent"] = "true",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("这个密码太常见", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var scope = site.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>().FindByEmailAsync(email));
    }

    [Fact]
    public async Task A_long_uncommon_password_with_no_digits_or_capitals_is_accepted()
    {
        var (client, _) = await site.LearnerAsync(); // People.Password: lower-case words and spaces only
        Assert.NotNull((await client.GetPageAsync("/")).QuerySelector("form[action='/account/logout']"));
        using var tooShort = await site.Visitor().SubmitAsync("/account/register", "/account/register", new Dictionary<string, string>
        {
            ["DisplayName"] = "Someone", ["Email"] = $"s-{Guid.NewGuid():N}@test.local", ["Password"] = "qz7!kw", ["ConfirmPassword"] = "qz7!kw", ["Consent"] = "true",
        });
        Assert.Contains("密码至少要 8 个字符", await tooShort.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("javascript:alert(1)")]
    public async Task Sign_in_never_sends_a_person_off_the_site(string returnUrl)
    {
        var (_, email) = await site.LearnerAsync();
        var client = site.Visitor();
        var page = await client.GetPageAsync($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        Assert.Equal(string.Empty, page.QuerySelector("input[name=ReturnUrl]")!.GetAttribute("value") ?? string.Empty);

        using var signedIn = await client.SubmitAsync("/account/login", "/account/login", new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = People.Password, ["ReturnUrl"] = returnUrl,
        });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_oversized_or_forged_sign_in_form_is_refused_in_plain_words_and_signs_nobody_in()
    {
        var (_, email) = await site.LearnerAsync();
        var client = site.Visitor();
        using var huge = await client.SubmitAsync("/account/login", "/account/login", new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = People.Password, ["Padding"] = new string('x', 20_000),
        });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Contains("您提交的内容太长了", await huge.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var forged = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = People.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("这个表格没有被接受", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull((await client.GetPageAsync("/")).QuerySelector("a[href='/account/login']"));
    }

    [Fact]
    public async Task One_address_trying_many_sign_ins_is_slowed_down_and_told_to_wait()
    {
        await using var limited = new PlatformFactory(TestDatabase.Create(provider));
        limited.Settings["SignIn:PerAddressPerMinute"] = "3";
        var (_, email) = await limited.LearnerAsync(); // the registration takes one of the three
        var client = limited.Visitor();
        for (var i = 0; i < 2; i++)
        {
            using var wrong = await client.SignInAsync(email, "not the password at all");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var refused = await client.SignInAsync(email);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("请等一分钟再试", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull((await client.GetPageAsync("/")).QuerySelector("a[href='/account/login']"));
    }
}
