using Literacy.Testing;
using Microsoft.Playwright;

namespace Literacy.Browser.Tests;

/// <summary>A person registers, signs in and out and switches language in a real browser; every page passes axe-core.</summary>
public sealed class AccountJourneyTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task A_learner_registers_signs_out_signs_in_and_switches_to_english()
    {
        var page = await site.NewPhoneAsync();
        var email = $"journey-{Guid.NewGuid():N}@test.literacy.local";

        await page.GotoAsync("/");
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "我的账户" }).GetByRole(AriaRole.Link, new() { Name = "注册" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        // A mistake first: the form says what is wrong, in plain words, and stays accessible.
        await page.GetByRole(AriaRole.Button, new() { Name = "注册" }).ClickAsync();
        Assert.Contains("请填写邮箱地址", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("您的姓名").FillAsync("王阿姨");
        await page.GetByLabel("邮箱地址").FillAsync(email);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(People.Password);
        await page.GetByLabel("再输入一次密码").FillAsync(People.Password);
        await page.GetByLabel("我已阅读隐私说明，同意这些做法").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "注册" }).ClickAsync();
        await site.ExpectAtAsync(page, "/account/privacy/about-you");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出登录" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "我的账户" }).GetByRole(AriaRole.Link, new() { Name = "登录" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("邮箱地址").FillAsync(email);
        await page.GetByLabel("密码").FillAsync(People.Password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出登录" })).ToBeVisibleAsync();

        await page.GotoAsync("/courses");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        // The switch reloads the same address, so wait for the new document rather than the URL.
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal(site.BaseUrl + "/courses", page.Url);
        Assert.Equal("Courses", await page.Locator("h1").InnerTextAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync("/account/password");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GotoAsync("/no-such-page");
        Assert.Equal("Page not found", await page.Locator("h1").InnerTextAsync());
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task The_administration_pages_pass_the_accessibility_scan()
    {
        await site.AdminAsync(); // creates the administrator through the setup page if needed
        var page = await site.NewPhoneAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("邮箱地址").FillAsync(People.AdminEmail);
        await page.GetByLabel("密码").FillAsync(People.Password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "管理后台" })).ToBeVisibleAsync();

        foreach (var url in new[] { "/admin", "/admin/users", "/admin/modules", "/admin/appearance", "/account/forgot" })
        {
            await page.GotoAsync(url);
            await Accessibility.AssertNoViolationsAsync(page);
        }

        // Deleting an account someone asked for by letter: the page, and its refusal without a reason.
        var (_, learnerEmail) = await site.LearnerAsync("来信的学员");
        await page.GotoAsync($"/admin/users?search={Uri.EscapeDataString(learnerEmail)}");
        await page.GetByRole(AriaRole.Link, new() { Name = "删除来信的学员的账户" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "删除账户" }).ClickAsync();
        await Assertions.Expect(page.Locator(".field-error")).ToContainTextAsync("请写明谁提出的");
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
