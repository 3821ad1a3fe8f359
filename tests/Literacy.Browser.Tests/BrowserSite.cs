using System.Net;
using Literacy.Data;
using Literacy.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Literacy.Browser.Tests;

/// <summary>The platform on a real Kestrel port and SQLite file, and Debian's Chromium driven by Playwright.</summary>
public class BrowserSite : PlatformFactory, IAsyncLifetime
{
    private IPlaywright? _playwright;

    public BrowserSite()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>A site with settings of its own (another list of languages, say), as an operator would configure it.</summary>
    protected BrowserSite(IReadOnlyDictionary<string, string?> settings)
        : base(TestDatabase.Create(DatabaseProvider.Sqlite))
    {
        foreach (var (key, value) in settings)
        {
            Settings[key] = value;
        }

        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    public string BaseUrl { get; private set; } = string.Empty;

    public IBrowser Browser { get; private set; } = null!;

    public override Uri BaseAddress => new(BaseUrl);

    /// <summary>Over a real socket the factory's own client would follow redirects; this one, like the in-memory one, does not.</summary>
    public override HttpClient NewClient() =>
        new(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false } })
        {
            BaseAddress = BaseAddress,
        };

    public virtual async ValueTask InitializeAsync()
    {
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            // Never a downloaded browser: Debian's Chromium, with the flags this closed network needs.
            ExecutablePath = Environment.GetEnvironmentVariable("TEST_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser profile at a phone's size, as most learners use the site.</summary>
    /// <param name="javaScript">False for a phone with JavaScript off (or a page whose scripts never arrived).</param>
    public Task<IPage> NewPhoneAsync(bool javaScript = true) => NewPageAsync(390, 844, javaScript);

    /// <summary>A learner who registered just now, signed in through the login page on a phone of their own.</summary>
    public async Task<(IPage Page, string Email)> LearnerOnPhoneAsync(string name, bool javaScript = true)
    {
        var (_, email) = await this.LearnerAsync(name);
        var page = await NewPhoneAsync(javaScript);
        await SignInAsync(page, email);
        return (page, email);
    }

    /// <summary>
    /// Waits until the page is at <paramref name="path"/>. If it never gets there, fails with what the page shows and what
    /// the site logged, so that a failure under CI's load says why.
    /// </summary>
    public async Task ExpectAtAsync(IPage page, string path)
    {
        try
        {
            await Assertions.Expect(page).ToHaveURLAsync(BaseUrl + path, new() { Timeout = 90_000 });
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            var shown = await page.Locator("body").InnerTextAsync(new() { Timeout = 5_000 });
            var logged = string.Join('\n', Log.From(Microsoft.Extensions.Logging.LogLevel.Warning).TakeLast(30));
            throw new InvalidOperationException($"Expected {path}, but the page is {page.Url}, showing:\n{shown}\nThe site logged:\n{logged}", e);
        }
    }

    /// <summary>Signs in through the login page, in Chinese, as a learner would.</summary>
    public static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("邮箱地址").FillAsync(email);
        await page.GetByLabel("密码").FillAsync(People.Password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出登录" })).ToBeVisibleAsync();
    }

    /// <summary>A laptop-sized window, 1280×800.</summary>
    public Task<IPage> NewDesktopAsync() => NewPageAsync(1280, 800, javaScript: true);

    private async Task<IPage> NewPageAsync(int width, int height, bool javaScript)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
            // Only so that the axe-core script can be injected into pages whose CSP forbids inline script.
            BypassCSP = true,
        });
        // The suite shares two cores with the web tests and every site's start-up: a page can take longer than Playwright's
        // 30 s default under that load. These tests check what a learner can do; speed is measured in bench/.
        context.SetDefaultTimeout(90_000);
        Assertions.SetDefaultExpectTimeout(30_000); // the 5 s default, likewise
        return await context.NewPageAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}
