using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Literacy.Data;
using Literacy.Testing;
using Literacy.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Web.Tests;

public sealed class SqliteTwoFactorTests(SqliteSite site) : TwoFactorTests(site, DatabaseProvider.Sqlite), IClassFixture<SqliteSite>;

public sealed class PostgresTwoFactorTests(PostgresSite site) : TwoFactorTests(site, DatabaseProvider.PostgreSql), IClassFixture<PostgresSite>;

/// <summary>Two-step sign-in with an authenticator app, with codes computed here from the key the page shows (RFC 6238).</summary>
public abstract class TwoFactorTests(PlatformFactory site, DatabaseProvider provider)
{
    [Fact]
    public async Task A_trainer_sets_it_up_from_the_key_on_the_page_and_then_needs_a_code_to_sign_in()
    {
        var (trainer, email) = await site.TrainerAsync();
        var (key, codes) = await EnrolAsync(trainer);
        Assert.Equal(10, codes.Count);

        var phone = site.Visitor();
        using var password = await phone.SignInAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/account/two-factor", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.NotNull((await phone.GetPageAsync("/")).QuerySelector("a[href='/account/login']")); // not signed in yet

        using var wrong = await SubmitCodeAsync(phone, "000000" == Code(key, Step()) ? "111111" : "000000");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("这个验证码不对，或者已经用过了", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var right = await SubmitCodeAsync(phone, Code(key, await NextUnusedStepAsync(email)));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.NotNull((await phone.GetPageAsync("/")).QuerySelector("form[action='/account/logout']"));
    }

    [Fact]
    public async Task A_code_is_taken_once_even_when_two_phones_send_it_at_the_same_moment()
    {
        var (trainer, email) = await site.TrainerAsync();
        var (key, _) = await EnrolAsync(trainer);
        var used = await UsedStepAsync(email);

        var again = site.Visitor();
        (await again.SignInAsync(email)).Dispose();
        using var replayed = await SubmitCodeAsync(again, Code(key, used));
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains("这个验证码不对，或者已经用过了", await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var (a, b) = (site.Visitor(), site.Visitor());
        (await a.SignInAsync(email)).Dispose();
        (await b.SignInAsync(email)).Dispose();
        var code = Code(key, await NextUnusedStepAsync(email));
        var pages = await Task.WhenAll(CodeFormAsync(a), CodeFormAsync(b));
        var answers = await Task.WhenAll(a.PostAsync("/account/two-factor", pages[0](code)), b.PostAsync("/account/two-factor", pages[1](code)));
        Assert.Single(answers, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Single(answers, r => r.StatusCode == HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_new_codes_replace_the_old_ones()
    {
        var (trainer, email) = await site.TrainerAsync();
        var (_, codes) = await EnrolAsync(trainer);

        var lostPhone = site.Visitor();
        (await lostPhone.SignInAsync(email)).Dispose();
        using var recovered = await lostPhone.SubmitAsync("/account/two-factor/recovery", "/account/two-factor/recovery", new Dictionary<string, string> { ["Code"] = codes[0] });
        Assert.Equal(HttpStatusCode.Redirect, recovered.StatusCode);
        Assert.NotNull((await lostPhone.GetPageAsync("/")).QuerySelector("form[action='/account/logout']"));

        var thief = site.Visitor();
        (await thief.SignInAsync(email)).Dispose();
        using var reused = await thief.SubmitAsync("/account/two-factor/recovery", "/account/two-factor/recovery", new Dictionary<string, string> { ["Code"] = codes[0] });
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("这个备用码不对，或者已经用过了", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var status = await trainer.GetPageAsync("/account/two-factor/setup");
        Assert.Contains("还剩 9 个备用码", status.Body!.TextContent, StringComparison.Ordinal);
        using var renewed = await trainer.SubmitAsync("/account/two-factor/setup", "/account/two-factor/recovery-codes", new Dictionary<string, string>());
        var fresh = (await renewed.ParseAsync()).QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, fresh.Count);
        using var old = await thief.SubmitAsync("/account/two-factor/recovery", "/account/two-factor/recovery", new Dictionary<string, string> { ["Code"] = codes[1] });
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        using var newOne = await thief.SubmitAsync("/account/two-factor/recovery", "/account/two-factor/recovery", new Dictionary<string, string> { ["Code"] = fresh[0] });
        Assert.Equal(HttpStatusCode.Redirect, newOne.StatusCode);
    }

    [Fact]
    public async Task The_code_step_cannot_be_opened_without_the_password_first()
    {
        using var response = await site.Visitor().GetAsync("/account/two-factor");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_administrator_without_it_is_sent_to_set_it_up_and_cannot_turn_it_off()
    {
        await using var strict = new PlatformFactory(TestDatabase.Create(provider));
        strict.Settings["Security:RequireAdminTwoFactor"] = "true";
        var admin = await strict.AdminAsync();
        using var blocked = await admin.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
        Assert.Equal("/account/two-factor/setup?required=true", blocked.Headers.Location!.OriginalString);
        var setup = await admin.GetPageAsync("/account/two-factor/setup?required=true");
        Assert.Contains("管理员要先设置两步登录", setup.Body!.TextContent, StringComparison.Ordinal);

        await EnrolAsync(admin);
        using var open = await admin.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        var status = await admin.GetPageAsync("/account/two-factor/setup");
        Assert.Null(status.QuerySelector("form[action='/account/two-factor/off']"));
        using var off = await admin.PostAsync("/account/two-factor/off", new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken",
            status.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!)]));
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        await using var scope = strict.Services.CreateAsyncScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>().FindByEmailAsync(People.AdminEmail))!.TwoFactorEnabled);
    }

    /// <summary>Sets up two-step sign-in through the page as a person would: reads the key, types the code. Returns the key and the recovery codes.</summary>
    [Fact]
    public async Task Whoever_opens_the_setup_page_stays_signed_in_while_they_set_up_the_app()
    {
        // The page gives the account its first key, which changes its security stamp: the session that asked for it must
        // outlast the session check a minute later, or the person is signed out while still typing the code.
        var clock = new ManualClock();
        await using var timed = new PlatformFactory(TestDatabase.Create(provider)) { Clock = clock };
        var (trainer, _) = await timed.TrainerAsync();
        var key = Base32((await trainer.GetPageAsync("/account/two-factor/setup")).QuerySelector("#authenticator-key")!.TextContent);

        clock.Advance(TimeSpan.FromMinutes(2));
        var code = Code(key, clock.GetUtcNow().ToUnixTimeSeconds() / 30);
        using var done = await trainer.SubmitAsync("/account/two-factor/setup", "/account/two-factor/setup", new Dictionary<string, string> { ["Code"] = code });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.NotEmpty((await done.ParseAsync()).QuerySelectorAll(".recovery-codes code"));
    }

    private static async Task<(byte[] Key, List<string> RecoveryCodes)> EnrolAsync(HttpClient client)
    {
        var page = await client.GetPageAsync("/account/two-factor/setup");
        Assert.NotNull(page.QuerySelector("figure.qr svg"));
        var key = Base32(page.QuerySelector("#authenticator-key")!.TextContent);
        using var done = await client.SubmitAsync("/account/two-factor/setup", "/account/two-factor/setup", new Dictionary<string, string> { ["Code"] = Code(key, Step()) });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var codes = (await done.ParseAsync()).QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent).ToList();
        Assert.NotEmpty(codes);
        return (key, codes);
    }

    private static Task<HttpResponseMessage> SubmitCodeAsync(HttpClient client, string code) =>
        client.SubmitAsync("/account/two-factor", "/account/two-factor", new Dictionary<string, string> { ["Code"] = code });

    /// <summary>The code form's hidden fields, ready to post with a code.</summary>
    private static async Task<Func<string, FormUrlEncodedContent>> CodeFormAsync(HttpClient client)
    {
        var page = await client.GetPageAsync("/account/two-factor");
        var token = page.QuerySelector("form[action='/account/two-factor'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return code => new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token), KeyValuePair.Create("Code", code)]);
    }

    private async Task<long> UsedStepAsync(string email)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>().FindByEmailAsync(email))!.AuthenticatorTimeStep;
    }

    /// <summary>Now's step, or the next one when now's code was just used (the app would show it within 30 seconds).</summary>
    private async Task<long> NextUnusedStepAsync(string email) => Math.Max(Step(), await UsedStepAsync(email) + 1);

    private static long Step() => DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;

    /// <summary>RFC 6238 TOTP with HMAC-SHA1 and 6 digits, written out here so the test does not trust the site's own.</summary>
    private static string Code(byte[] key, long step)
    {
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

        using var hmac = new HMACSHA1(key);
        var hash = hmac.ComputeHash(counter);
        var offset = hash[19] & 0xf;
        var value = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (value % 1_000_000).ToString("000000", CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        var bits = string.Concat(text.Where(char.IsLetterOrDigit).Select(c => Convert.ToString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".IndexOf(char.ToUpperInvariant(c)), 2).PadLeft(5, '0')));
        return Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
    }
}
