using Literacy.Testing;
using Microsoft.Playwright;

namespace Literacy.Browser.Tests;

/// <summary>The credit bank's other pages, for a learner and for an administrator, in a real browser; every page passes axe-core.</summary>
public sealed class CreditBankPagesTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await site.NewPhoneAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("邮箱地址").FillAsync(email);
        await page.GetByLabel("密码").FillAsync(People.Password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出登录" })).ToBeVisibleAsync();
        return page;
    }

    [Fact]
    public async Task A_learner_with_no_credits_yet_is_shown_where_to_start_and_how_to_bring_outside_learning()
    {
        var (_, email) = await site.LearnerAsync("赵大爷");
        var page = await SignedInAsync(email);
        await page.GetByRole(AriaRole.Link, new() { Name = "我的学习账户" }).ClickAsync();
        await Assertions.Expect(page.Locator(".empty")).ToContainTextAsync("您还没有学分");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "在别处学过？申请认定" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("请先确认您的邮箱");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "再发一次链接" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await site.ConfirmEmailAsync(site.Visitor(), email); // as the link in the email would
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".notice")).ToHaveCountAsync(0);
        await page.GetByLabel("粘贴电子证书").FillAsync("这不是证书");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交认定" }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=alert]")).ToContainTextAsync("不是我们能读取的证书");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task The_administrator_pages_of_the_credit_bank_are_accessible()
    {
        await site.AdminAsync(); // creates the administrator through the setup page
        var page = await SignedInAsync(People.AdminEmail);
        await page.GotoAsync("/admin/credits");
        await page.GetByRole(AriaRole.Button, new() { Name = "核对学分账本" }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("链条完整");
        await Accessibility.AssertNoViolationsAsync(page);

        foreach (var path in new[] { "/admin/credits/recognition", "/admin/credits/framework", "/admin/credits/units/new", "/admin/credits/units/fraud-awareness", "/credentials/units/fraud-awareness" })
        {
            await page.GotoAsync(path);
            await Accessibility.AssertNoViolationsAsync(page);
        }

        await page.GotoAsync("/admin/credits/units/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=alert]")).ToContainTextAsync("请修改以下问题");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task An_administrator_finds_a_learners_certificate_revokes_it_and_issues_it_again()
    {
        var (courseId, _) = await site.PublishFixtureCourseWithUnitAsync();
        var (learner, learnerEmail) = await site.LearnerAsync("钱大姐");
        await learner.CompleteFixtureCourseAsync(courseId);
        await site.AdminAsync();
        var page = await SignedInAsync(People.AdminEmail);

        await page.GotoAsync("/admin/credits");
        await page.GetByLabel("查找学员的证书").FillAsync("nobody@example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "查找" }).ClickAsync();
        await Assertions.Expect(page.Locator("#found")).ToContainTextAsync("没有找到证书");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("查找学员的证书").FillAsync(learnerEmail);
        await page.GetByRole(AriaRole.Button, new() { Name = "查找" }).ClickAsync();
        var row = page.Locator(".credential-row");
        await Assertions.Expect(row).ToContainTextAsync("钱大姐");
        await Accessibility.AssertNoViolationsAsync(page);
        await row.GetByLabel("撤销原因").FillAsync("以为考试作弊");
        await row.GetByRole(AriaRole.Button, new() { Name = "撤销" }).ClickAsync();
        await Assertions.Expect(page.Locator(".credential-row .tag")).ToHaveTextAsync("已撤销");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("撤销错了？写下重新颁发的原因").FillAsync("查清楚了，没有作弊");
        await page.GetByRole(AriaRole.Button, new() { Name = "重新颁发" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("已重新颁发");
        await Assertions.Expect(page.Locator(".credential-row")).ToHaveCountAsync(2);
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
