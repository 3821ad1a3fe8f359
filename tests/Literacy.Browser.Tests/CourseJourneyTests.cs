using Literacy.Testing;
using Microsoft.Playwright;

namespace Literacy.Browser.Tests;

/// <summary>A learner on a phone-sized screen takes a bundled course from the catalog to completion; every page passes axe-core.</summary>
public sealed class CourseJourneyTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task A_learner_completes_the_smartphone_course_on_a_phone()
    {
        var page = await site.NewPhoneAsync();
        await page.GotoAsync("/account/register");
        await page.GetByLabel("您的姓名").FillAsync("王阿姨");
        await page.GetByLabel("邮箱地址").FillAsync($"wang-{Guid.NewGuid():N}@test.literacy.local");
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(People.Password);
        await page.GetByLabel("再输入一次密码").FillAsync(People.Password);
        await page.GetByLabel("我已阅读隐私说明，同意这些做法").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "注册" }).ClickAsync();
        await site.ExpectAtAsync(page, "/account/privacy/about-you");

        await page.GetByRole(AriaRole.Link, new() { Name = "课程", Exact = true }).First.ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("适合谁学").SelectOptionAsync("elderly");
        await page.GetByRole(AriaRole.Button, new() { Name = "显示课程" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "智能手机入门" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "开始学习这门课" }).ClickAsync();
        var lessons = 0;
        while (true)
        {
            lessons++;
            await Accessibility.AssertNoViolationsAsync(page);
            var quizzes = page.Locator("section.quiz");
            for (var q = 0; q < await quizzes.CountAsync(); q++)
            {
                await AnswerEverythingRightAsync(page, quizzes.Nth(q));
                await Accessibility.AssertNoViolationsAsync(page);
            }

            var finish = page.GetByRole(AriaRole.Button, new() { Name = "学完了，下一课" });
            if (await finish.CountAsync() == 0)
            {
                break;
            }

            await finish.ClickAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "这一课我学完了" }).ClickAsync();
        await Assertions.Expect(page.Locator(".success")).ToContainTextAsync("您已经学完这门课程");
        await Accessibility.AssertNoViolationsAsync(page);
        Assert.True(lessons >= 4);
        Assert.Single(site.Events.All.OfType<Literacy.Modules.Events.CourseCompleted>(), e => e.CourseId == "smartphone-basics");

        // The course earned a certification unit: credits in the learning account, and a certificate anyone can check.
        await page.GetByRole(AriaRole.Link, new() { Name = "我的学习账户" }).ClickAsync();
        await Assertions.Expect(page.Locator(".lead")).ToContainTextAsync("您有 2 学分");
        var narrowest = await page.EvaluateAsync<double>(
            "() => Math.min(...[...document.querySelectorAll('table.statement tbody tr > *')].map(c => c.getBoundingClientRect().width))");
        Assert.True(narrowest >= 60, $"On the phone a column of the credit history is squeezed to {narrowest:0} px");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "打印成绩单" }).ClickAsync();
        await Assertions.Expect(page.Locator("article.printable table")).ToContainTextAsync("日常使用智能手机");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GoBackAsync();
        await page.Locator("#certificates ~ ul a").First.ClickAsync();
        await Assertions.Expect(page.Locator(".verdict strong")).ToHaveTextAsync("有效");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "打印证书" }).ClickAsync();
        await Assertions.Expect(page.Locator(".certificate-name")).ToHaveTextAsync("王阿姨");
        await Assertions.Expect(page.Locator("figure.qr svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "打印" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
    }

    /// <summary>Answers a quiz the way a learner who read the lesson would: reads the right answers from the server's stored definition.</summary>
    private async Task AnswerEverythingRightAsync(IPage page, ILocator quiz)
    {
        var quizId = (await quiz.GetAttributeAsync("id"))!["quiz-".Length..];
        var block = await site.Service<Literacy.Modules.Lessons.ICourseContent>().FindPublishedBlockAsync("smartphone-basics", quizId, "zh-CN", CancellationToken.None);
        var definition = Literacy.Assessments.Quizzes.QuizDefinition.FromJson(block!.Definition);
        var form = quiz.Locator("form");
        for (var i = 0; i < definition.Questions.Count; i++)
        {
            var question = definition.Questions[i];
            switch (question.Kind)
            {
                case Literacy.Assessments.Quizzes.QuestionKind.Single:
                case Literacy.Assessments.Quizzes.QuestionKind.Multiple:
                    foreach (var k in question.Correct)
                    {
                        await form.Locator($"input[name=q{i}][value='{k}']").CheckAsync();
                    }

                    break;
                case Literacy.Assessments.Quizzes.QuestionKind.TrueFalse:
                    await form.Locator($"input[name=q{i}][value='{question.Truth!.Value.ToString().ToLowerInvariant()}']").CheckAsync();
                    break;
                case Literacy.Assessments.Quizzes.QuestionKind.Ordering:
                    for (var k = 0; k < question.Options.Count; k++)
                    {
                        await form.Locator($"select[name=q{i}-{k}]").SelectOptionAsync((k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }

                    break;
                case Literacy.Assessments.Quizzes.QuestionKind.Fill:
                    await form.Locator($"input[name=q{i}]").FillAsync(question.Accepted[0]);
                    break;
            }
        }

        await form.GetByRole(AriaRole.Button, new() { Name = "检查我的答案" }).ClickAsync();
        await Assertions.Expect(page.Locator($"#quiz-{quizId} .quiz-result")).ToContainTextAsync("100");
    }
}
