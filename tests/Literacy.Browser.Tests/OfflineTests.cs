using Literacy.Assessments.Data;
using Literacy.Courses.Data;
using Literacy.Testing;
using Literacy.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Literacy.Browser.Tests;

/// <summary>A course saved on the phone, learned without internet; what was done offline reaches the server once.</summary>
public sealed class OfflineTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private async Task<(int Completions, int Attempts)> RecordedAsync(string email)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>().FindByEmailAsync(email);
        var completions = await scope.ServiceProvider.GetRequiredService<CoursesDbContext>().LessonCompletions
            .CountAsync(c => c.UserId == user!.Id && c.CourseId == "stop-fraud" && c.LessonId == "golden-rules");
        var attempts = await scope.ServiceProvider.GetRequiredService<AssessmentsDbContext>().Attempts
            .CountAsync(a => a.UserId == user!.Id && a.CourseId == "stop-fraud" && a.QuizId == "rules-practice");
        return (completions, attempts);
    }

    /// <summary>Saves stop-fraud on the phone from its course page, as the learner would.</summary>
    private static async Task SaveTheCourseAsync(IPage page)
    {
        await page.GotoAsync("/courses/stop-fraud");
        var save = page.GetByRole(AriaRole.Region, new() { Name = "没有网络也能学" });
        await Assertions.Expect(save).ToContainTextAsync("7节课和课里的小测验");
        await save.GetByRole(AriaRole.Button, new() { Name = "离线保存" }).ClickAsync();
        await Assertions.Expect(save.GetByRole(AriaRole.Status)).ToHaveTextAsync("已经存到这部手机上了。没有网络也能打开这门课。", new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task A_learner_saves_a_course_finishes_a_lesson_and_a_quiz_offline_and_both_are_recorded_once_back_online()
    {
        var (page, email) = await site.LearnerOnPhoneAsync("赵大爷");
        await SaveTheCourseAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.Context.SetOfflineAsync(true);
        // A lesson's picture was saved with it: without a connection it shows all the same.
        await page.GotoAsync("/courses/stop-fraud/lessons/if-you-paid");
        var picture = page.Locator(".lesson img");
        await picture.ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await picture.ElementHandleAsync());

        await page.GotoAsync("/courses/stop-fraud/lessons/golden-rules");
        await Assertions.Expect(page.Locator(".offline-status")).ToContainTextAsync("现在没有网络");
        await Accessibility.AssertNoViolationsAsync(page);
        var quiz = page.Locator("#quiz-rules-practice");
        await quiz.Locator("fieldset.question").First.Locator("input").Nth(1).CheckAsync();
        await quiz.GetByRole(AriaRole.Button, new() { Name = "检查我的答案" }).ClickAsync();
        await Assertions.Expect(page.Locator(".offline-status")).ToContainTextAsync("手机上存着 1 个答案");

        // Finished twice, as someone unsure whether the first press took: the lesson still counts once.
        await page.GetByRole(AriaRole.Button, new() { Name = "学完了，下一课" }).ClickAsync();
        await page.WaitForURLAsync("**/courses/stop-fraud/lessons/fake-officials");
        await Assertions.Expect(page.Locator(".offline-status")).ToContainTextAsync("手机上存着 2 个答案");
        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "学完了，下一课" }).ClickAsync();
        await Assertions.Expect(page.Locator(".offline-status")).ToContainTextAsync("手机上存着 3 个答案");
        Assert.Equal((0, 0), await RecordedAsync(email));

        await page.Context.SetOfflineAsync(false);
        await Assertions.Expect(page.Locator(".offline-status")).ToHaveTextAsync("手机上存着的答案已经发出去了，学习进度已经记下。", new() { Timeout = 30_000 });
        Assert.Equal((1, 1), await RecordedAsync(email));

        // Shown online again, the course page sends what is left (nothing) and shows the progress made offline.
        await page.GotoAsync("/courses/stop-fraud");
        await Assertions.Expect(page.GetByText("已学完 1 课，共 7 课。")).ToBeVisibleAsync();
        Assert.Equal((1, 1), await RecordedAsync(email));
    }

    [Fact]
    public async Task Answers_kept_on_the_phone_are_sent_only_while_the_learner_who_gave_them_is_signed_in()
    {
        var (page, grandmother) = await site.LearnerOnPhoneAsync("钱奶奶");
        var (_, grandson) = await site.LearnerAsync("钱小明");
        await SaveTheCourseAsync(page);
        await page.Context.SetOfflineAsync(true);
        await page.GotoAsync("/courses/stop-fraud/lessons/golden-rules");
        await page.GetByRole(AriaRole.Button, new() { Name = "学完了，下一课" }).ClickAsync();
        var status = page.Locator(".offline-status");
        await Assertions.Expect(status).ToContainTextAsync("手机上存着 1 个答案");

        // Her session ends on this phone before the internet is back; then her grandson signs in on it.
        await page.Context.ClearCookiesAsync();
        await page.Context.SetOfflineAsync(false);
        await Assertions.Expect(status).ToHaveTextAsync("手机上存着的答案，要等答题的人登录以后才能发出去。", new() { Timeout = 30_000 });
        await BrowserSite.SignInAsync(page, grandson);
        await page.GotoAsync("/courses/stop-fraud/lessons/golden-rules");
        await Assertions.Expect(status).ToHaveTextAsync("手机上存着的答案，要等答题的人登录以后才能发出去。", new() { Timeout = 30_000 });
        Assert.Equal((0, 0), await RecordedAsync(grandson));
        Assert.Equal((0, 0), await RecordedAsync(grandmother));

        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await BrowserSite.SignInAsync(page, grandmother);
        await page.GotoAsync("/courses/stop-fraud");
        await Assertions.Expect(status).ToHaveTextAsync("手机上存着的答案已经发出去了，学习进度已经记下。", new() { Timeout = 30_000 });
        Assert.Equal((1, 0), await RecordedAsync(grandmother));
        Assert.Equal((0, 0), await RecordedAsync(grandson));
    }
}
