using Literacy.Courses.Data;
using Literacy.Courses.Lessons;
using Literacy.Testing;
using Literacy.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Literacy.Browser.Tests;

/// <summary>
/// Every page a trainer or an administrator works on, in normal and in elder mode: community trainers are often older
/// themselves, and use a phone. Each page answers 200, does not scroll sideways and passes axe-core.
/// </summary>
public sealed class StaffPagesTests(StaffPagesTests.UpgradedSite site) : IClassFixture<StaffPagesTests.UpgradedSite>
{
    /// <summary>
    /// A site upgraded after its first start to a platform that brings one more course and two more units (one to add now,
    /// one once that course is published), so that Admin → Courses and Admin → Credit bank show those offers too.
    /// </summary>
    public sealed class UpgradedSite() : BrowserSite(new Dictionary<string, string?> { ["Courses:Bundled:Folder"] = Bundled, ["CreditBank:UnitsFile"] = Units })
    {
        private static readonly string Bundled = Directory.CreateTempSubdirectory("literacy-bundled-").FullName;

        private static readonly string Units = Path.Combine(Bundled, "units.json");

        static UpgradedSite()
        {
            BundledFolders.CopyRepositoryCourses(Bundled);
            BundledFolders.CopyRepositoryUnits(Units);
        }

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            TestPackage.Valid().WriteTo(Path.Combine(Bundled, "phone-safety"));
            BundledFolders.AddUnit(Units, "reporting-fraud", "stop-fraud", "举报诈骗", "Reporting fraud");
            BundledFolders.AddUnit(Units, "phone-safety-basics", "phone-safety", "手机安全", "Phone safety");
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Directory.Delete(Bundled, recursive: true);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_trainer_page_on_a_phone_passes_axe(bool elder)
    {
        var (trainerClient, trainerEmail) = await site.TrainerAsync(elder ? "刘老师" : "王老师");
        var admin = await site.AdminAsync();
        (await admin.SubmitAsync("/admin/courses", "/admin/courses/stop-fraud/trainers", new Dictionary<string, string> { ["email"] = trainerEmail })).Dispose();
        var classId = await trainerClient.ScheduleClassAsync(LiveClassSetup.ClassFields(site, TimeSpan.FromDays(1)));

        await ManyLearnersAsync(trainerEmail);

        var phone = await SignedInAsync(trainerEmail, elder, desktop: false);
        var learnerId = await RegisterCardLearnerAsync(phone, elder ? "孙奶奶" : "周大爷");
        await VisitAsync(phone, elder,
            "/trainer/courses", "/trainer/courses/stop-fraud", "/trainer/courses/stop-fraud?page=2",
            "/cards", "/cards?page=2", "/cards/new", $"/cards/{learnerId}", $"/cards/{learnerId}/delete",
            "/live", "/live/new", $"/live/{classId}/edit", $"/live/{classId}/register", $"/live/{classId}");
        foreach (var path in new[] { "/trainer/courses/stop-fraud?page=2", "/cards?page=2" })
        {
            await phone.GotoAsync(path); // the page links that axe checked above are there
            await Assertions.Expect(phone.Locator("nav[aria-label=更多学员] a[href*='page=1']")).ToHaveCountAsync(1);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_administrator_page_on_a_laptop_passes_axe(bool elder)
    {
        var admin = await site.AdminAsync(); // creates the administrator through the setup page
        Assert.Single((await admin.GetPageAsync("/admin/courses")).QuerySelectorAll("ul.bundled li")); // the offer axe checks below
        Assert.Equal(2, (await admin.GetPageAsync("/admin/credits")).QuerySelectorAll("ul.bundled li").Length); // one to add, one waiting for its course
        Assert.Equal(2, (await admin.GetPageAsync("/admin")).QuerySelectorAll("section[aria-labelledby=waiting] li").Length); // and their notices
        var (_, learnerEmail) = await site.LearnerAsync("陈阿姨");
        await using var scope = site.Services.CreateAsyncScope();
        var learnerId = (await scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>().FindByEmailAsync(learnerEmail))!.Id;
        var version = (await scope.ServiceProvider.GetRequiredService<PublishedCourses>().FindAsync("stop-fraud", CancellationToken.None))!.Version;
        await FinishedLongAgoAsync(scope.ServiceProvider, learnerId, "stop-fraud", version);
        Assert.NotNull((await admin.GetPageAsync("/admin/credits/units/fraud-awareness")).QuerySelector("section[aria-labelledby=earlier]")); // the offer axe checks below

        var laptop = await SignedInAsync(People.AdminEmail, elder, desktop: true);
        await VisitAsync(laptop, elder,
            "/admin", "/admin/users", $"/admin/users?search={Uri.EscapeDataString(learnerEmail)}", $"/admin/users/{learnerId}/delete",
            "/admin/modules", "/admin/appearance", "/admin/audit", "/admin/email",
            "/admin/courses", $"/admin/courses/stop-fraud/versions/{version}", $"/admin/courses/stop-fraud/versions/{version}/lessons/golden-rules",
            "/admin/credits", "/admin/credits/credentials", $"/admin/credits/credentials?find={Uri.EscapeDataString(learnerEmail)}",
            "/admin/credits/recognition", "/admin/credits/framework", "/admin/credits/units/new", "/admin/credits/units/fraud-awareness",
            "/admin/insights", "/admin/insights/courses/stop-fraud", "/admin/insights/reports");
    }

    /// <summary>
    /// 51 more learners, registered in person by the trainer and started on stop-fraud, so that the trainer's lists of
    /// card holders and of the course's learners go on to a second page, and their page links are checked too.
    /// </summary>
    private async Task ManyLearnersAsync(string trainerEmail)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        var platform = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var courses = scope.ServiceProvider.GetRequiredService<CoursesDbContext>();
        var trainerId = (await users.FindByEmailAsync(trainerEmail))!.Id;
        for (var i = 0; i < 51; i++)
        {
            var learner = new PlatformUser { UserName = $"many-{Guid.NewGuid():N}", DisplayName = $"学员{i:00}" };
            Assert.True((await users.CreateAsync(learner)).Succeeded);
            platform.RecordedConsents.Add(new RecordedConsent { UserId = learner.Id, RecordedById = trainerId, RecordedUtc = DateTime.UtcNow });
            courses.Enrolments.Add(new Enrolment { UserId = learner.Id, CourseId = "stop-fraud", EnrolledUtc = DateTime.UtcNow });
        }

        await platform.SaveChangesAsync();
        await courses.SaveChangesAsync();
    }

    /// <summary>
    /// A completion from a month ago that its unit never paid (the sweep for missed awards looks back a week), so that the
    /// unit's page offers to award it. Written as the courses module keeps it: the completions of the learner's enrolment.
    /// </summary>
    private static async Task FinishedLongAgoAsync(IServiceProvider services, string userId, string courseId, string version)
    {
        var db = services.GetRequiredService<CoursesDbContext>();
        var at = DateTime.UtcNow.AddDays(-30);
        if (!await db.Enrolments.AnyAsync(e => e.UserId == userId && e.CourseId == courseId))
        {
            db.Enrolments.Add(new Enrolment { UserId = userId, CourseId = courseId, EnrolledUtc = at, CompletedUtc = at, CompletedVersion = version, Score = 90 });
            await db.SaveChangesAsync();
        }
    }

    private async Task<IPage> SignedInAsync(string email, bool elder, bool desktop)
    {
        var page = desktop ? await site.NewDesktopAsync() : await site.NewPhoneAsync();
        await BrowserSite.SignInAsync(page, email);
        // The mode is kept on the account: the administrator may have left it on in another test.
        var switchedOn = page.Locator("html.elder");
        if (await switchedOn.CountAsync() == (elder ? 0 : 1))
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "长辈模式" }).ClickAsync();
            await Assertions.Expect(switchedOn).ToHaveCountAsync(elder ? 1 : 0);
        }

        return page;
    }

    /// <summary>A learner the trainer registers in person, through the form; returns the learner's id from their page's address.</summary>
    private static async Task<string> RegisterCardLearnerAsync(IPage page, string name)
    {
        await page.GotoAsync("/cards/new");
        await page.GetByLabel("学员的姓名").FillAsync(name);
        await page.GetByLabel("我已经把隐私说明读给学员听，学员同意开通账户").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "注册并打印卡片" }).ClickAsync();
        await Assertions.Expect(page.Locator(".signin-card h1")).ToHaveTextAsync(name);
        await page.GotoAsync("/cards");
        await page.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(name);
        return new Uri(page.Url).AbsolutePath.Split('/')[2];
    }

    /// <summary>The names of the fields one types or picks in (a phone number, a date and time...) that are lower than <c>min</c> px.</summary>
    private const string SmallFields = """
        min => [...document.querySelectorAll('main input:not([type=checkbox], [type=radio], [type=file], [type=hidden]), main select, main textarea')]
          .filter(e => e.offsetParent && e.getBoundingClientRect().height < min)
          .map(e => `${e.name || e.id} (${e.type}, ${Math.round(e.getBoundingClientRect().height)}px)`)
        """;

    private static async Task VisitAsync(IPage page, bool elder, params string[] paths)
    {
        foreach (var path in paths)
        {
            var response = await page.GotoAsync(path);
            Assert.True(response?.Status == 200, $"{path} answered {response?.Status}");
            Assert.Equal(elder, (await page.Locator("html").GetAttributeAsync("class") ?? string.Empty).Contains("elder", StringComparison.Ordinal));
            Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth"), $"{path} scrolls sideways");
            var small = await page.EvaluateAsync<string[]>(SmallFields, elder ? 60 : 44);
            Assert.True(small.Length == 0, $"{path}: fields too small to tap: {string.Join(", ", small)}");
            await Accessibility.AssertNoViolationsAsync(page);
        }
    }
}
