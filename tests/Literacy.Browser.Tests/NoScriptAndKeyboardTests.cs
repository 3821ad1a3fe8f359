using Literacy.Testing;
using Microsoft.Playwright;

namespace Literacy.Browser.Tests;

/// <summary>
/// Every learner page with JavaScript off, each doing its main action, and a lesson and its quiz with the keyboard only:
/// nothing needs a script or a mouse.
/// </summary>
public sealed class NoScriptAndKeyboardTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    /// <summary>A page's heading, once it has loaded: every page in the walk has one, and it names where we are.</summary>
    private static Task ExpectHeadingAsync(IPage page, string text) =>
        Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(text);

    [Fact]
    public async Task With_JavaScript_off_a_visitor_becomes_a_learner_and_every_learner_page_does_its_main_action()
    {
        var (trainer, _) = await site.TrainerAsync("林老师");
        var classId = await trainer.ScheduleClassAsync(LiveClassSetup.ClassFields(site, TimeSpan.FromMinutes(5)));
        var page = await site.NewPhoneAsync(javaScript: false);
        var email = $"noscript-{Guid.NewGuid():N}@test.literacy.local";

        // Home: the way in is the course list.
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "看看有哪些课程" }).ClickAsync();
        await ExpectHeadingAsync(page, "课程");

        // Catalog: a filter is a GET form.
        await page.GetByLabel("适合谁学").SelectOptionAsync("farmers");
        await page.GetByRole(AriaRole.Button, new() { Name = "显示课程" }).ClickAsync();
        Assert.Contains("audience=farmers", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("ul.cards a[href='/courses/selling-online']")).ToBeVisibleAsync();

        // The header's switches: language, elder mode.
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.GetByRole(AriaRole.Button, new() { Name = "中文" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "长辈模式" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveClassAsync("elder");
        await page.GetByRole(AriaRole.Button, new() { Name = "长辈模式" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).Not.ToHaveClassAsync("elder");

        // Account: register, which signs in.
        await page.GotoAsync("/account/register");
        await page.GetByLabel("您的姓名").FillAsync("周阿姨");
        await page.GetByLabel("邮箱地址").FillAsync(email);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(People.Password);
        await page.GetByLabel("再输入一次密码").FillAsync(People.Password);
        await page.GetByLabel("我已阅读隐私说明，同意这些做法").CheckAsync();
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "注册" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出登录" })).ToBeVisibleAsync();

        // Course: start it, which opens the first lesson; lesson: finish it, which opens the next.
        await page.GotoAsync("/courses/stop-fraud");
        await page.GetByRole(AriaRole.Button, new() { Name = "开始学习这门课" }).ClickAsync();
        await page.WaitForURLAsync("**/courses/stop-fraud/lessons/golden-rules");
        // Reading aloud needs a script: without one, no button that would do nothing.
        await Assertions.Expect(page.Locator(".read-aloud-bar").First).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "朗读" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "学完了，下一课" }).ClickAsync();
        await page.WaitForURLAsync("**/courses/stop-fraud/lessons/fake-officials");
        await page.GotoAsync("/courses/stop-fraud");
        await Assertions.Expect(page.GetByText("已学完 1 课，共 7 课。")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "接着学第 2 课" })).ToHaveAttributeAsync("href", "/courses/stop-fraud/lessons/fake-officials");
        // Offline reading needs a service worker: without JavaScript its control never shows.
        await Assertions.Expect(page.Locator("section.save-offline")).ToBeHiddenAsync();

        // Display settings: a larger text size, saved by the form.
        await page.GotoAsync("/display");
        await page.GetByLabel("150%").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存并返回" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveClassAsync("text-150");

        // Help: to read.
        await page.GotoAsync("/help");
        await ExpectHeadingAsync(page, "帮助");

        // Learning account: the transcript; recognition: a credential sent, and refused with a reason.
        await page.GotoAsync("/credits");
        await ExpectHeadingAsync(page, "我的学习账户");
        await page.GotoAsync("/credits/transcript");
        await ExpectHeadingAsync(page, "学习成绩单");
        await page.GotoAsync("/credits/recognition");
        await page.GetByLabel("粘贴电子证书").FillAsync("not-a-credential");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交认定" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();

        // Live classes: the list, and a place taken with its button (the classroom itself needs JavaScript, and says so).
        await page.GotoAsync("/live");
        await page.Locator($"#class-{classId}").GetByRole(AriaRole.Button, new() { Name = "报名" }).ClickAsync();
        await Assertions.Expect(page.Locator(".success")).ToContainTextAsync("报名成功");
        await page.Locator($"#class-{classId}").GetByRole(AriaRole.Link, new() { Name = "进入课堂" }).ClickAsync();
        await Assertions.Expect(page.GetByText("直播课堂需要 JavaScript")).ToBeVisibleAsync();

        // Password: changed, then signed out and in again with the new one.
        await page.GotoAsync("/account/password");
        await page.GetByLabel("当前密码").FillAsync(People.Password);
        await page.GetByLabel("新密码", new() { Exact = true }).FillAsync("a new quiet river at dusk");
        await page.GetByLabel("再输入一次新密码").FillAsync("a new quiet river at dusk");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "修改密码" }).ClickAsync();
        await Assertions.Expect(page.GetByText("密码已修改。")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("邮箱地址").FillAsync(email);
        await page.GetByLabel("密码").FillAsync("a new quiet river at dusk");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出登录" })).ToBeVisibleAsync();

        // Forgotten password: the link is asked for.
        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await page.GotoAsync("/account/forgot");
        await page.GetByLabel("邮箱地址").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "发送链接" }).ClickAsync();
        await ExpectHeadingAsync(page, "请查看您的邮箱");
    }

    [Fact]
    public async Task With_JavaScript_off_a_learner_answers_a_quiz_and_finishes_the_lesson()
    {
        var (page, _) = await site.LearnerOnPhoneAsync("孙师傅", javaScript: false);
        await page.GotoAsync("/courses/stop-fraud/lessons/golden-rules");
        var quiz = page.Locator("section.quiz").First;
        await quiz.Locator("fieldset.question").First.Locator("input").First.CheckAsync();
        await quiz.GetByRole(AriaRole.Button, new() { Name = "检查我的答案" }).ClickAsync();
        await Assertions.Expect(page.Locator(".quiz-result").First).ToContainTextAsync("您上次的得分");

        await page.GetByRole(AriaRole.Button, new() { Name = "学完了，下一课" }).ClickAsync();
        Assert.Contains("/courses/stop-fraud/lessons/", page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain("golden-rules", page.Url, StringComparison.Ordinal);
        await page.GotoAsync("/courses/stop-fraud/lessons/golden-rules");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "这一课您之前已经学完了" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task With_the_keyboard_only_a_learner_answers_a_quiz_and_finishes_the_lesson()
    {
        var (page, _) = await site.LearnerOnPhoneAsync("孙师傅");
        await page.GotoAsync("/courses/stop-fraud/lessons/golden-rules");
        var firstAnswer = page.Locator("section.quiz fieldset.question").First.Locator("input").First;

        // Tab from the top of the page to the first answer, as someone without a mouse would.
        await page.Locator("body").FocusAsync();
        for (var i = 0; i < 60 && !await firstAnswer.EvaluateAsync<bool>("e => e === document.activeElement"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        Assert.True(await firstAnswer.EvaluateAsync<bool>("e => e === document.activeElement"), "the first answer is never reached with Tab");
        Assert.NotEqual("none", await firstAnswer.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"));
        await page.Keyboard.PressAsync("Space");
        var check = page.Locator("section.quiz").First.GetByRole(AriaRole.Button, new() { Name = "检查我的答案" });
        await check.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".quiz-result").First).ToContainTextAsync("您上次的得分");

        await page.GetByRole(AriaRole.Button, new() { Name = "学完了，下一课" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        // The next lesson's address is enough; waiting for its every resource only adds time on a busy machine.
        await page.WaitForURLAsync(url => !url.Contains("golden-rules", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
    }
}
