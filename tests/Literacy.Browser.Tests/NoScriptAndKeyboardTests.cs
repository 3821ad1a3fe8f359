using Literacy.Testing;
using Microsoft.Playwright;

namespace Literacy.Browser.Tests;

/// <summary>A lesson and its quiz taken with JavaScript off, and with the keyboard only: nothing needs a script or a mouse.</summary>
public sealed class NoScriptAndKeyboardTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private async Task<IPage> SignedInAsync(bool javaScript)
    {
        var (_, email) = await site.LearnerAsync("孙师傅");
        var page = await site.NewPhoneAsync(javaScript);
        await page.GotoAsync("/account/login");
        await page.GetByLabel("邮箱地址").FillAsync(email);
        await page.GetByLabel("密码").FillAsync(People.Password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出登录" })).ToBeVisibleAsync();
        return page;
    }

    [Fact]
    public async Task With_JavaScript_off_a_learner_answers_a_quiz_and_finishes_the_lesson()
    {
        var page = await SignedInAsync(javaScript: false);
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
        var page = await SignedInAsync(javaScript: true);
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
