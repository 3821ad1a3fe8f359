using System.Text.Json;
using Literacy.Testing;
using Microsoft.Playwright;

namespace Literacy.Browser.Tests;

/// <summary>Elder mode (长辈模式) switched on from the page, measured in the browser: text size, line height, targets, contrast.</summary>
public sealed class ElderModeTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    /// <summary>Computed sizes and colours of what a learner reads and presses, measured as the browser lays them out.</summary>
    private const string Measure = """
        () => {
          const px = v => parseFloat(v);
          const rgb = c => c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
          const lum = c => { const [r, g, b] = rgb(c).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
          const contrast = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
          const page = getComputedStyle(document.body).backgroundColor;
          const body = [...document.querySelectorAll('main p, main li')].filter(e => e.offsetParent && e.textContent.trim());
          const targets = [...document.querySelectorAll('main .button, main button, .main-nav a, .elder-switch button')].filter(e => e.offsetParent);
          return {
            fontSizes: body.map(e => px(getComputedStyle(e).fontSize)),
            lineHeights: body.map(e => px(getComputedStyle(e).lineHeight) / px(getComputedStyle(e).fontSize)),
            contrasts: body.map(e => contrast(getComputedStyle(e).color, page)),
            targets: targets.map(e => { const r = e.getBoundingClientRect(); return [e.textContent.trim(), r.width, r.height]; }),
            menu: [...document.querySelectorAll('.main-nav a')].map(a => a.textContent.trim()),
            scrollsSideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
          };
        }
        """;

    [Fact]
    public async Task A_visitor_switches_on_elder_mode_and_every_learner_page_meets_its_numbers_and_axe()
    {
        var page = await site.NewPhoneAsync();
        await page.GotoAsync("/courses");
        await page.GetByRole(AriaRole.Button, new() { Name = "长辈模式" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveClassAsync("elder");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "长辈模式" })).ToHaveAttributeAsync("aria-pressed", "true");

        foreach (var path in new[] { "/", "/courses", "/courses/stop-fraud", "/courses/stop-fraud/lessons/golden-rules", "/help", "/live", "/account/login", "/account/register" })
        {
            await page.GotoAsync(path);
            var m = await page.EvaluateAsync<JsonElement>(Measure);
            Assert.All(m.GetProperty("fontSizes").EnumerateArray(), f => Assert.True(f.GetDouble() >= 20, $"{path}: text at {f.GetDouble()}px"));
            Assert.All(m.GetProperty("lineHeights").EnumerateArray(), l => Assert.True(l.GetDouble() >= 1.5, $"{path}: line height {l.GetDouble():0.00}"));
            Assert.All(m.GetProperty("contrasts").EnumerateArray(), c => Assert.True(c.GetDouble() >= 7, $"{path}: text contrast {c.GetDouble():0.0}:1"));
            Assert.All(m.GetProperty("targets").EnumerateArray(), t => Assert.True(t[1].GetDouble() >= 60 && t[2].GetDouble() >= 60,
                $"{path}: \"{t[0].GetString()}\" is {t[1].GetDouble():0}×{t[2].GetDouble():0}px"));
            Assert.False(m.GetProperty("scrollsSideways").GetBoolean(), $"{path} scrolls sideways at 390px");
            Assert.Equal(["首页", "课程", "直播课", "帮助"], m.GetProperty("menu").EnumerateArray().Select(a => a.GetString()));
            await Accessibility.AssertNoViolationsAsync(page);
        }

        // A visitor who is not in elder mode still gets the normal page from the same page cache.
        var other = await site.NewPhoneAsync();
        await other.GotoAsync("/courses");
        Assert.Null(await other.Locator("html").GetAttributeAsync("class"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task On_a_laptop_screen_every_learner_page_passes_axe_in_normal_and_elder_mode(bool elder)
    {
        var page = await site.NewDesktopAsync();
        await page.GotoAsync($"/display/elder?on={(elder ? "true" : "false")}&returnUrl=/");
        foreach (var path in new[] { "/", "/courses", "/courses/stop-fraud", "/courses/stop-fraud/lessons/golden-rules", "/help", "/live", "/display", "/account/login", "/account/register" })
        {
            await page.GotoAsync(path);
            Assert.Equal(elder, (await page.Locator("html").GetAttributeAsync("class") ?? string.Empty).Contains("elder", StringComparison.Ordinal));
            Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth"), $"{path} scrolls sideways");
            await Accessibility.AssertNoViolationsAsync(page);
        }
    }

    [Fact]
    public async Task Elder_mode_chosen_at_registration_follows_the_learner_to_another_phone()
    {
        var email = $"elder-{Guid.NewGuid():N}@test.literacy.local";
        var page = await site.NewPhoneAsync();
        await page.GotoAsync("/account/register");
        await page.GetByLabel("您的姓名").FillAsync("刘奶奶");
        await page.GetByLabel("邮箱地址").FillAsync(email);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(People.Password);
        await page.GetByLabel("再输入一次密码").FillAsync(People.Password);
        await page.GetByLabel("我已阅读隐私说明，同意这些做法").CheckAsync();
        await page.GetByLabel("使用长辈模式：字更大，按钮更大").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "注册" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveClassAsync("elder");
        await Accessibility.AssertNoViolationsAsync(page);

        var phone = await site.NewPhoneAsync();
        await phone.GotoAsync("/account/login");
        Assert.Null(await phone.Locator("html").GetAttributeAsync("class"));
        await phone.GetByLabel("邮箱地址").FillAsync(email);
        await phone.GetByLabel("密码").FillAsync(People.Password);
        await phone.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(phone.Locator("html")).ToHaveClassAsync("elder");
        Assert.Contains("我的学习账户", await phone.Locator(".main-nav").InnerTextAsync(), StringComparison.Ordinal);

        // Switched off on this phone: kept on the account as well.
        await phone.GetByRole(AriaRole.Button, new() { Name = "长辈模式" }).ClickAsync();
        await Assertions.Expect(phone.Locator("html")).Not.ToHaveClassAsync("elder");
    }

    [Fact]
    public async Task Text_size_and_high_contrast_are_offered_to_everyone_and_pages_still_pass_axe()
    {
        var page = await site.NewPhoneAsync();
        await page.GotoAsync("/courses");
        await page.GetByRole(AriaRole.Link, new() { Name = "显示设置" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("200%").CheckAsync();
        await page.GetByLabel("高对比度：黑白显示，链接加下划线").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存并返回" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(site.BaseUrl + "/courses");
        await Assertions.Expect(page.Locator("html")).ToHaveClassAsync("text-200 high-contrast");
        var size = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.body).fontSize)");
        Assert.True(size >= 36, $"200% text is {size}px");
        var wide = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 8)");
        Assert.True(wide.Length == 0, "scrolls sideways at 200%: " + string.Join(", ", wide));
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_signed_in_learners_pages_pass_axe_on_a_phone_and_a_laptop_and_reflow_at_320px(bool elder)
    {
        var (page, _) = await site.LearnerOnPhoneAsync(elder ? "周奶奶" : "周阿姨");
        if (elder)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "长辈模式" }).ClickAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveClassAsync("elder");
        }

        // Part-way through a course, so that its page offers to go on where the learner stopped.
        await page.GotoAsync("/courses/stop-fraud");
        await page.GetByRole(AriaRole.Button, new() { Name = "开始学习这门课" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "学完了，下一课" }).ClickAsync();
        await page.GotoAsync("/courses/stop-fraud");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "接着学第 2 课" })).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator(".go-on").GetByRole(AriaRole.Link, new() { Name = "接着学第 2 课" })).ToBeVisibleAsync();

        string[] paths = ["/", "/courses", "/courses/stop-fraud", "/courses/stop-fraud/lessons/golden-rules", "/live", "/credits", "/credits/transcript", "/credits/recognition", "/account", "/account/password", "/display", "/help"];
        foreach (var (width, height) in new[] { (390, 844), (1280, 800), (320, 640) })
        {
            await page.SetViewportSizeAsync(width, height);
            foreach (var path in paths)
            {
                await page.GotoAsync(path);
                Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth"), $"{path} scrolls sideways at {width}px");
                if (width == 320)
                {
                    continue; // reflow only: the axe runs are at the two sizes learners use
                }

                await Accessibility.AssertNoViolationsAsync(page);
                if (elder && width == 390)
                {
                    var m = await page.EvaluateAsync<JsonElement>(Measure);
                    Assert.All(m.GetProperty("fontSizes").EnumerateArray(), f => Assert.True(f.GetDouble() >= 20, $"{path}: text at {f.GetDouble()}px"));
                    Assert.All(m.GetProperty("contrasts").EnumerateArray(), c => Assert.True(c.GetDouble() >= 7, $"{path}: text contrast {c.GetDouble():0.0}:1"));
                    Assert.All(m.GetProperty("targets").EnumerateArray(), t => Assert.True(t[1].GetDouble() >= 60 && t[2].GetDouble() >= 60,
                        $"{path}: \"{t[0].GetString()}\" is {t[1].GetDouble():0}×{t[2].GetDouble():0}px"));
                }
            }
        }
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task The_pictures_in_the_bundled_lessons_load_on_a_phone_fit_the_screen_and_say_what_they_show(string culture)
    {
        var page = await site.NewPhoneAsync();
        await page.GotoAsync($"/culture?culture={culture}&returnUrl=/");
        await page.GotoAsync("/display/elder?on=true&returnUrl=/");
        string[] lessons =
        [
            "smartphone-basics/lessons/calls", "smartphone-basics/lessons/video-calls", "smartphone-basics/lessons/text-size", "smartphone-basics/lessons/qr-codes",
            "stop-fraud/lessons/golden-rules", "stop-fraud/lessons/if-you-paid",
            "selling-online/lessons/photos-and-descriptions",
            "government-services/lessons/safe-login",
            "digital-work/lessons/work-orders", "digital-work/lessons/data-safety",
        ];
        foreach (var lesson in lessons)
        {
            await page.GotoAsync($"/courses/{lesson}");
            var picture = page.Locator(".lesson img");
            await Assertions.Expect(picture).ToHaveCountAsync(1);
            await picture.ScrollIntoViewIfNeededAsync(); // the pictures load lazily, as a phone on a slow network wants
            await page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await picture.ElementHandleAsync());
            var alt = await picture.GetAttributeAsync("alt") ?? string.Empty;
            Assert.True(alt.Length > 40, $"{lesson}: the picture's text, read aloud to those who cannot see it, is \"{alt}\"");
            Assert.Equal(culture == "en", alt.All(c => c < 0x2E80)); // in the lesson's language
            var shown = await picture.BoundingBoxAsync();
            Assert.True(shown!.Width <= 390 && shown.Width > 300, $"{lesson}: the picture is {shown.Width}px wide on a 390px phone");
            Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth"), $"{lesson} scrolls sideways");
            await Accessibility.AssertNoViolationsAsync(page);
        }
    }

    [Fact]
    public async Task A_picture_keeps_its_place_while_it_loads_so_the_text_below_does_not_jump()
    {
        var page = await site.NewPhoneAsync();
        var slowNetwork = new TaskCompletionSource();
        await page.RouteAsync("**/media/**", async route =>
        {
            await slowNetwork.Task;
            await route.ContinueAsync();
        });
        await page.GotoAsync("/courses/stop-fraud/lessons/if-you-paid", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        var picture = page.Locator(".lesson img");
        var nextHeading = page.Locator(".lesson h2").First;
        var whileLoading = await nextHeading.BoundingBoxAsync();
        var space = await picture.BoundingBoxAsync();
        Assert.True(space!.Height >= space.Width * 0.5, $"while loading, the picture holds {space.Width:0}×{space.Height:0}px");

        slowNetwork.SetResult();
        await page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await picture.ElementHandleAsync());
        var loaded = await nextHeading.BoundingBoxAsync();
        Assert.Equal(whileLoading!.Y, loaded!.Y, 1.0);
    }
}
