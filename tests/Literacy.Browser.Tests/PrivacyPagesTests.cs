using Literacy.Testing;
using Microsoft.Playwright;

namespace Literacy.Browser.Tests;

/// <summary>A learner looks at their data and deletes their account on a phone; the administrator reads the audit trail. Every page passes axe-core.</summary>
public sealed class PrivacyPagesTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_learner_sees_their_data_and_deletes_their_account_with_one_confirmation(bool elder)
    {
        var (_, email) = await site.LearnerAsync("吴奶奶");
        var page = await site.NewPhoneAsync();
        await BrowserSite.SignInAsync(page, email);
        if (elder)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "长辈模式" }).ClickAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveClassAsync("elder");
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "账户设置" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "我的数据" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("邮箱地址")).ToHaveValueAsync(email);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "在一个页面上查看全部数据" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(email);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "账户设置" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "课程推荐" }).ClickAsync();
        await page.GetByLabel("关闭：和大家看一样的课程列表").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("个性化推荐已关闭");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync("/account/privacy");
        await page.GetByRole(AriaRole.Link, new() { Name = "注销我的账户" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "是的，注销我的账户" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "账户已注销" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "我的账户" }).GetByRole(AriaRole.Link, new() { Name = "登录" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync("/privacy");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task The_administrator_reads_filters_and_checks_the_audit_trail()
    {
        await site.AdminAsync();
        var page = await site.NewDesktopAsync();
        await BrowserSite.SignInAsync(page, People.AdminEmail);
        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "操作记录" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("操作", new() { Exact = true }).SelectOptionAsync("recipe.applied");
        await page.GetByRole(AriaRole.Button, new() { Name = "显示", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody tr").First).ToContainTextAsync("recipe.applied");
        await page.GetByRole(AriaRole.Button, new() { Name = "检查记录是否完整" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("操作记录完整");
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
