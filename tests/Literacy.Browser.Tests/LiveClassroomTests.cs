using Literacy.Testing;
using Microsoft.Playwright;

namespace Literacy.Browser.Tests;

/// <summary>A trainer and two learners in one live class, each in their own browser: what each of them sees and does.</summary>
public sealed class LiveClassroomTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private async Task<IPage> SignedInAsync(string email, bool desktop = false)
    {
        var page = desktop ? await site.NewDesktopAsync() : await site.NewPhoneAsync();
        await BrowserSite.SignInAsync(page, email);
        return page;
    }

    [Fact]
    public async Task Slides_chat_hands_and_a_poll_reach_two_learners_live_and_every_page_passes_axe()
    {
        var (trainerClient, trainerEmail) = await site.TrainerAsync("周老师");
        var classId = await trainerClient.ScheduleClassAsync(LiveClassSetup.ClassFields(site, TimeSpan.FromMinutes(5)));
        var (_, firstEmail) = await site.LearnerAsync("钱阿姨");
        var (_, secondEmail) = await site.LearnerAsync("孙大爷");

        // Learners find the class on the list and take a place with the button.
        var first = await SignedInAsync(firstEmail);
        await first.GetByRole(AriaRole.Link, new() { Name = "直播课" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(first);
        await first.Locator($"#class-{classId}").GetByRole(AriaRole.Button, new() { Name = "报名" }).ClickAsync();
        await Assertions.Expect(first.Locator("[role=status]")).ToContainTextAsync("报名成功");
        await first.Locator($"#class-{classId}").GetByRole(AriaRole.Link, new() { Name = "进入课堂" }).ClickAsync();
        var second = await SignedInAsync(secondEmail);
        await second.GotoAsync("/live");
        await second.Locator($"#class-{classId}").GetByRole(AriaRole.Button, new() { Name = "报名" }).ClickAsync();
        await second.GotoAsync($"/live/{classId}");
        var trainer = await SignedInAsync(trainerEmail, desktop: true);
        await trainer.GotoAsync($"/live/{classId}");
        foreach (var page in new[] { first, second, trainer })
        {
            await Assertions.Expect(page.Locator("#classroom")).ToHaveAttributeAsync("data-joined", "true");
        }

        await Assertions.Expect(trainer.Locator("#participants")).ToContainTextAsync("钱阿姨");
        await Accessibility.AssertNoViolationsAsync(first);
        await Accessibility.AssertNoViolationsAsync(trainer);

        await trainer.GetByRole(AriaRole.Button, new() { Name = "下一页" }).ClickAsync();
        foreach (var learner in new[] { first, second })
        {
            await Assertions.Expect(learner.Locator(".slide:not([hidden])")).ToContainTextAsync("打开微信");
            await Assertions.Expect(learner.Locator("#slide-number")).ToHaveTextAsync("第 2 页，共 3 页");
        }

        await first.GetByLabel("您要说的话").FillAsync("<b>声音</b>有点小");
        await first.GetByRole(AriaRole.Button, new() { Name = "发送" }).ClickAsync();
        await Assertions.Expect(second.Locator("#chat")).ToContainTextAsync("钱阿姨: <b>声音</b>有点小");
        await Assertions.Expect(second.Locator("#chat b")).ToHaveCountAsync(0);

        await second.GetByRole(AriaRole.Button, new() { Name = "举手" }).ClickAsync();
        await Assertions.Expect(trainer.Locator("#hands")).ToContainTextAsync("孙大爷");
        await trainer.Locator("#hands").GetByRole(AriaRole.Button, new() { Name = "放下手" }).ClickAsync();
        await Assertions.Expect(second.Locator("#hand")).ToHaveAttributeAsync("aria-pressed", "false");

        await trainer.GetByText("发起投票").ClickAsync();
        await trainer.GetByLabel("问题").FillAsync("您会用视频通话了吗？");
        await trainer.GetByLabel("选项，每行一个").FillAsync("会了\n还不会");
        await trainer.GetByRole(AriaRole.Button, new() { Name = "开始投票" }).ClickAsync();
        await first.GetByLabel("会了").CheckAsync();
        await first.GetByRole(AriaRole.Button, new() { Name = "提交我的答案" }).ClickAsync();
        await second.GetByLabel("还不会").CheckAsync();
        await second.GetByRole(AriaRole.Button, new() { Name = "提交我的答案" }).ClickAsync();
        await Assertions.Expect(trainer.Locator("#poll")).ToContainTextAsync("2 人已回答");
        await Accessibility.AssertNoViolationsAsync(second);
        await trainer.GetByRole(AriaRole.Button, new() { Name = "把结果给大家看" }).ClickAsync();
        await Assertions.Expect(first.Locator("#poll")).ToContainTextAsync("还不会 — 1 票");

        // A reload is a rejoin: the page comes back as the class is now.
        await second.ReloadAsync();
        await Assertions.Expect(second.Locator("#slide-number")).ToHaveTextAsync("第 2 页，共 3 页");
        await Assertions.Expect(second.Locator("#poll")).ToContainTextAsync("您会用视频通话了吗？");
        await Assertions.Expect(second.Locator("#chat")).ToContainTextAsync("声音");

        // Ending the class takes two presses: the second button shows only after the first.
        await Assertions.Expect(trainer.Locator("#end-class-confirm")).ToBeHiddenAsync();
        await trainer.GetByRole(AriaRole.Button, new() { Name = "下课", Exact = true }).ClickAsync();
        await Assertions.Expect(trainer.GetByRole(AriaRole.Button, new() { Name = "下课", Exact = true })).ToBeHiddenAsync();
        await trainer.GetByRole(AriaRole.Button, new() { Name = "确定，现在下课" }).ClickAsync();
        await Assertions.Expect(first.Locator("#status")).ToHaveTextAsync("下课了，谢谢您来听课！");
        await first.GetByRole(AriaRole.Link, new() { Name = "看回放" }).ClickAsync();
        await Assertions.Expect(first.Locator(".replay-step")).ToHaveCountAsync(2);
        await Accessibility.AssertNoViolationsAsync(first);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_classroom_passes_axe_on_a_phone_in_normal_and_elder_mode(bool elder)
    {
        var (trainerClient, _) = await site.TrainerAsync();
        var classId = await trainerClient.ScheduleClassAsync(LiveClassSetup.ClassFields(site, TimeSpan.FromMinutes(5)));
        var (learnerClient, email) = await site.LearnerAsync("吴奶奶");
        (await learnerClient.TakePlaceAsync(classId)).Dispose();
        var page = await SignedInAsync(email);
        await page.GotoAsync($"/display/elder?on={(elder ? "true" : "false")}&returnUrl=/live");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GotoAsync($"/live/{classId}");
        await Assertions.Expect(page.Locator("#classroom")).ToHaveAttributeAsync("data-joined", "true");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth"), "the classroom scrolls sideways");
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
