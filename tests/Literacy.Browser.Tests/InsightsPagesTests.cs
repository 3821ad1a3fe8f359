using Literacy.Modules.Events;
using Literacy.Modules.People;
using Literacy.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Literacy.Browser.Tests;

/// <summary>A browser site whose insights read the facts afresh on every page.</summary>
public sealed class InsightsBrowserSite() : BrowserSite(new Dictionary<string, string?> { ["Insights:RefreshSeconds"] = "0" });

/// <summary>The Insights pages in a real browser, on a laptop and on a phone, in normal and elder mode: each passes axe-core.</summary>
public sealed class InsightsPagesTests(InsightsBrowserSite site) : IClassFixture<InsightsBrowserSite>
{
    /// <summary>Learners in two regions and groups, with a few small cells so that held-back figures are on the pages too.</summary>
    private async Task PopulateAsync()
    {
        await using var scope = site.Services.CreateAsyncScope();
        var events = scope.ServiceProvider.GetRequiredService<DomainEvents>();
        for (var i = 0; i < 23; i++)
        {
            var id = $"browser-learner-{i}";
            var profile = new LearnerProfile(LearnerProfile.AgeBands[i % 5], i < 20 ? "44" : "65", i < 12 ? "farmer" : "retired");
            await events.PublishAsync(new LearnerProfileChanged(EventIds.For($"profile:{id}"), id, profile));
            await site.RecordAsync(new CourseEnrolled(EventIds.For($"enrolled:{id}"), id, "smartphone-basics", DateTime.UtcNow.AddDays(-i)));
            await site.RecordAsync(new LessonCompleted(EventIds.For($"lesson:{id}"), id, "smartphone-basics", i % 2 == 0 ? "calls" : "video-calls", DateTime.UtcNow.AddDays(-i)));
            await events.PublishAsync(new QuizQuestionsGraded(EventIds.For($"quiz:{id}"), id, "smartphone-basics", "final-quiz", [i % 3 != 0, true], DateTime.UtcNow));
        }
    }

    private async Task<IPage> AdminAsync(Func<Task<IPage>> open)
    {
        await site.AdminAsync();
        var page = await open();
        await BrowserSite.SignInAsync(page, People.AdminEmail);
        return page;
    }

    [Fact]
    public async Task The_insights_pages_pass_axe_on_a_laptop_and_on_a_phone_in_normal_and_elder_mode()
    {
        await PopulateAsync();
        var laptop = await AdminAsync(site.NewDesktopAsync);
        await laptop.GotoAsync("/admin/insights");
        await Assertions.Expect(laptop.GetByRole(AriaRole.Heading, new() { Name = "学情分析", Level = 1 })).ToBeVisibleAsync();
        await laptop.GetByLabel("地区", new() { Exact = true }).SelectOptionAsync("44");
        await laptop.GetByRole(AriaRole.Button, new() { Name = "显示", Exact = true }).ClickAsync();
        await Assertions.Expect(laptop).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("region=44"));
        await Assertions.Expect(laptop.Locator(".key-figures dd").First).ToHaveTextAsync("20");
        await Accessibility.AssertNoViolationsAsync(laptop);

        await laptop.GotoAsync("/admin/insights/reports");
        await laptop.GetByRole(AriaRole.Button, new() { Name = "现在生成上个月的报告" }).ClickAsync();
        await Assertions.Expect(laptop.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("数字素养发展水平报告");
        var report = laptop.Url;

        string[] pages = ["/admin/insights", "/admin/insights?region=65", "/admin/insights/courses/smartphone-basics", "/admin/insights/reports", new Uri(report).PathAndQuery];
        foreach (var path in pages)
        {
            await laptop.GotoAsync(path);
            await Accessibility.AssertNoViolationsAsync(laptop);
        }

        var phone = await AdminAsync(() => site.NewPhoneAsync());
        await phone.GotoAsync("/admin/insights");
        await phone.GetByRole(AriaRole.Button, new() { Name = "长辈模式" }).ClickAsync();
        await Assertions.Expect(phone.Locator("html")).ToHaveClassAsync("elder");
        foreach (var path in pages)
        {
            await phone.GotoAsync(path);
            await Accessibility.AssertNoViolationsAsync(phone);
            var sideways = await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
            Assert.False(sideways, $"{path} scrolls sideways on a phone in elder mode");
        }
    }
}
