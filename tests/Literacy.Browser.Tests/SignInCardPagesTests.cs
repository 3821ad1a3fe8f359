using Literacy.Testing;
using Microsoft.Playwright;

namespace Literacy.Browser.Tests;

/// <summary>
/// A trainer registers an older learner and prints a QR sign-in card; the learner opens the card's link on a phone and
/// signs in with one press, in normal and elder mode; a stopped card says so. Every page passes axe-core.
/// </summary>
public sealed class SignInCardPagesTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task A_learner_signs_in_with_a_printed_card_and_a_stopped_card_says_so()
    {
        var (_, trainerEmail) = await site.TrainerAsync();
        var desk = await site.NewDesktopAsync();
        await BrowserSite.SignInAsync(desk, trainerEmail);
        await desk.GetByRole(AriaRole.Link, new() { Name = "登录卡" }).First.ClickAsync();
        await Accessibility.AssertNoViolationsAsync(desk);
        await desk.GetByRole(AriaRole.Link, new() { Name = "当面为学员注册" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(desk);

        // Forgetting the consent is caught, in plain words, on an accessible page.
        await desk.GetByLabel("学员的姓名").FillAsync("李奶奶");
        await desk.GetByRole(AriaRole.Button, new() { Name = "注册并打印卡片" }).ClickAsync();
        Assert.Contains("学员同意后再打勾", await desk.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(desk);
        await desk.GetByLabel("我已经把隐私说明读给学员听，学员同意开通账户").CheckAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "注册并打印卡片" }).ClickAsync();
        await Assertions.Expect(desk.Locator(".signin-card h1")).ToHaveTextAsync("李奶奶");
        await Accessibility.AssertNoViolationsAsync(desk);
        var link = (await desk.Locator(".signin-card figcaption").InnerTextAsync()).Trim();

        var phone = await site.NewPhoneAsync();
        await phone.GotoAsync(link);
        await Assertions.Expect(phone.Locator("main")).ToContainTextAsync("李奶奶，您好！");
        await Accessibility.AssertNoViolationsAsync(phone);
        await phone.GetByRole(AriaRole.Button, new() { Name = "长辈模式" }).ClickAsync();
        await Assertions.Expect(phone.Locator("html")).ToHaveClassAsync("elder");
        await Accessibility.AssertNoViolationsAsync(phone);
        await phone.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(phone.GetByRole(AriaRole.Button, new() { Name = "退出登录" })).ToBeVisibleAsync();
        await Assertions.Expect(phone.Locator("html")).ToHaveClassAsync("elder");
        await Accessibility.AssertNoViolationsAsync(phone);

        // Signed in with a card, the learner cannot change the email address or delete the account: the pages say whom to ask.
        await phone.GotoAsync("/account/privacy");
        await Assertions.Expect(phone.Locator("#email-card")).ToContainTextAsync("请找给您卡片的老师");
        await Accessibility.AssertNoViolationsAsync(phone);
        await phone.GotoAsync("/account/privacy/delete");
        await Assertions.Expect(phone.Locator("main")).ToContainTextAsync("只凭卡片不能删除账户");
        await Accessibility.AssertNoViolationsAsync(phone);

        // The trainer does it with the learner: the learner's page, a mistyped address, the deletion's warning.
        await desk.GotoAsync("/cards");
        await desk.GetByRole(AriaRole.Link, new() { Name = "李奶奶" }).ClickAsync();
        await Assertions.Expect(desk.Locator("h1")).ToHaveTextAsync("李奶奶");
        await Accessibility.AssertNoViolationsAsync(desk);
        await desk.GetByLabel("学员的邮箱地址").FillAsync("不是邮箱");
        await desk.GetByRole(AriaRole.Button, new() { Name = "保存邮箱地址" }).ClickAsync();
        await Assertions.Expect(desk.Locator(".field-error")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(desk);
        await desk.GetByRole(AriaRole.Link, new() { Name = "删除李奶奶的账户" }).ClickAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Button, new() { Name = "是的，学员要删除账户" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(desk);

        // The card is lost: the trainer stops it, and the same link now says so, in both modes.
        await desk.GotoAsync("/cards");
        await desk.GetByRole(AriaRole.Button, new() { Name = "停用李奶奶的卡片" }).ClickAsync();
        await Assertions.Expect(desk.GetByRole(AriaRole.Status)).ToContainTextAsync("李奶奶的卡片已经停用了");
        await Accessibility.AssertNoViolationsAsync(desk);
        var finder = await site.NewPhoneAsync();
        await finder.GotoAsync(link);
        Assert.Equal("这张卡片不能用", await finder.Locator("h1").InnerTextAsync());
        await Accessibility.AssertNoViolationsAsync(finder);
        await finder.GetByRole(AriaRole.Button, new() { Name = "长辈模式" }).ClickAsync();
        await Assertions.Expect(finder.Locator("html")).ToHaveClassAsync("elder");
        await Accessibility.AssertNoViolationsAsync(finder);
    }

    [Fact]
    public async Task The_two_step_sign_in_setup_page_passes_the_accessibility_scan()
    {
        var (_, trainerEmail) = await site.TrainerAsync("两步老师");
        var page = await site.NewPhoneAsync();
        await BrowserSite.SignInAsync(page, trainerEmail);
        await page.GotoAsync("/account/password");
        await page.GetByRole(AriaRole.Link, new() { Name = "设置两步登录" }).ClickAsync();
        await Assertions.Expect(page.Locator("#authenticator-key")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "开启两步登录" }).ClickAsync();
        Assert.Contains("请输入身份验证器应用里显示的 6 位数字", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
