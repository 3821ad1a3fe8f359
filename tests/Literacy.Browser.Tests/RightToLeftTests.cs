using System.Text.Json;
using Microsoft.Playwright;

namespace Literacy.Browser.Tests;

/// <summary>
/// The site as an operator configures it for a right-to-left language: Uyghur (ug-CN), a minority language of China
/// written in Arabic script, added with one setting and no resource files, so its texts fall back to English.
/// </summary>
public sealed class RightToLeftSite() : BrowserSite(new Dictionary<string, string?> { ["Localization:Cultures"] = "zh-CN,en,ug-CN" });

public sealed class RightToLeftTests(RightToLeftSite site) : IClassFixture<RightToLeftSite>
{
    /// <summary>Where the page starts and whether it scrolls sideways, as the browser laid it out.</summary>
    private const string Layout = """
        () => {
          const width = document.documentElement.clientWidth;
          const links = [...document.querySelectorAll('.main-nav a')].map(a => a.getBoundingClientRect());
          // The menu may wrap on a phone: its first row is what shows the direction.
          const row = links.filter(r => Math.abs(r.top - links[0].top) < 2);
          return {
            dir: document.documentElement.dir,
            lang: document.documentElement.lang,
            width,
            scrollsSideways: document.documentElement.scrollWidth > width,
            firstLinkRight: links[0].right,
            firstRowRunsLeftwards: row.length > 1 && row.every((r, i) => i === 0 || r.right < row[i - 1].right),
            brandRight: document.querySelector('.brand').getBoundingClientRect().right,
          };
        }
        """;

    private static async Task AssertMirroredAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        var m = await page.EvaluateAsync<JsonElement>(Layout);
        Assert.Equal("rtl", m.GetProperty("dir").GetString());
        Assert.Equal("ug-CN", m.GetProperty("lang").GetString());
        Assert.False(m.GetProperty("scrollsSideways").GetBoolean(), $"{path} scrolls sideways at 390px");
        var width = m.GetProperty("width").GetDouble();
        // Mirrored: the name of the site and the menu start at the right edge, and the menu runs leftwards.
        Assert.True(m.GetProperty("brandRight").GetDouble() > width * 0.8, $"{path}: the site's name is not on the right");
        Assert.True(m.GetProperty("firstLinkRight").GetDouble() > width * 0.8, $"{path}: the menu does not start on the right");
        Assert.True(m.GetProperty("firstRowRunsLeftwards").GetBoolean(), $"{path}: the menu does not run right to left");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task A_language_added_by_a_setting_is_offered_and_every_learner_page_is_mirrored_passes_axe_and_fits_a_phone()
    {
        var page = await site.NewPhoneAsync();
        await page.GotoAsync("/courses");
        await page.GetByRole(AriaRole.Button, new() { Name = "ئۇيغۇرچە" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        // No Uyghur resource files: the interface falls back to English, whose keys are the texts themselves.
        await Assertions.Expect(page.Locator(".site-footer")).ToContainTextAsync("Free and open learning for everyone.");
        foreach (var path in new[] { "/", "/courses", "/courses/stop-fraud", "/courses/stop-fraud/lessons/golden-rules", "/help", "/live", "/display", "/account/login", "/account/register", "/account/forgot" })
        {
            await AssertMirroredAsync(page, path);
        }

        // Back to Chinese: left to right again.
        await page.GetByRole(AriaRole.Button, new() { Name = "中文" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
    }

    [Fact]
    public async Task A_signed_in_learner_in_a_right_to_left_language_gets_mirrored_account_and_credit_pages()
    {
        var (page, _) = await site.LearnerOnPhoneAsync("阿依古丽");
        await page.GotoAsync("/culture?culture=ug-CN&returnUrl=/credits");
        foreach (var path in new[] { "/credits", "/credits/transcript", "/credits/recognition", "/account/password", "/courses/stop-fraud/lessons/golden-rules" })
        {
            await AssertMirroredAsync(page, path);
        }
    }
}
