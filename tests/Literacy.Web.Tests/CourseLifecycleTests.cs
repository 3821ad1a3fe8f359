using System.Net;
using Literacy.Courses.Data;
using Literacy.Modules.Events;
using Literacy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Web.Tests;

public sealed class SqliteCourseLifecycleTests(SqliteSite site) : CourseLifecycleTests(site), IClassFixture<SqliteSite>;

public sealed class PostgresCourseLifecycleTests(PostgresSite site) : CourseLifecycleTests(site), IClassFixture<PostgresSite>;

/// <summary>Upload → draft → publish → a learner completes; new versions and rollback; on each database provider.</summary>
public abstract class CourseLifecycleTests(PlatformFactory site)
{
    private static int _next;

    /// <summary>The fixture package under a course id of its own, so tests do not meet.</summary>
    private static (TestPackage Package, string Id) NewCourse()
    {
        var id = $"phone-safety-{Interlocked.Increment(ref _next)}-{Guid.NewGuid().ToString("N")[..6]}";
        return (TestPackage.Valid().Edit("course.json", j => j.Replace("\"phone-safety\"", $"\"{id}\"", StringComparison.Ordinal)), id);
    }

    private async Task<T> InScopeAsync<T>(Func<CoursesDbContext, Task<T>> query)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CoursesDbContext>());
    }

    private static async Task<string> QuizTextAsync(HttpClient learner, string courseId) =>
        (await learner.GetPageAsync($"/courses/{courseId}/lessons/check")).QuerySelector("section.quiz form")!.TextContent;

    [Fact]
    public async Task The_five_bundled_courses_are_published_on_a_new_site()
    {
        var catalog = await site.Visitor().GetPageAsync("/courses");
        var links = catalog.QuerySelectorAll("ul.cards h2 a").Select(a => a.GetAttribute("href")).ToList();
        foreach (var id in new[] { "smartphone-basics", "stop-fraud", "selling-online", "digital-work", "government-services" })
        {
            Assert.Contains($"/courses/{id}", links);
        }
    }

    [Fact]
    public async Task A_course_page_says_who_it_is_for_and_what_it_teaches_with_the_punctuation_of_the_page_language()
    {
        async Task<List<string>> FactsAsync(string path) =>
            [.. (await site.Visitor().GetPageAsync(path)).QuerySelectorAll("ul.facts li").Select(li => li.TextContent)];

        var chinese = await FactsAsync("/courses/stop-fraud");
        Assert.Equal("适合：所有人、老年人", chinese[0]);
        Assert.Equal("能学到：评价数据、信息与数字内容、保护设备、保护个人数据和隐私", chinese[2]);
        var english = await FactsAsync("/courses/stop-fraud?culture=en");
        Assert.Equal("For: Everyone, Older people", english[0]);
        Assert.Equal("Skills: Evaluating data, information and digital content, Protecting devices, Protecting personal data and privacy", english[2]);
    }

    [Fact]
    public async Task The_catalog_filters_by_audience()
    {
        var farmers = await site.Visitor().GetPageAsync("/courses?audience=farmers");
        var links = farmers.QuerySelectorAll("ul.cards h2 a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/courses/selling-online", links);
        Assert.DoesNotContain("/courses/digital-work", links);
    }

    [Fact]
    public async Task An_upload_becomes_a_draft_that_learners_cannot_see_until_it_is_published()
    {
        var admin = await site.AdminAsync();
        var (package, id) = NewCourse();
        using var uploaded = await admin.UploadAsync(package.Zip());
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        Assert.Equal($"/admin/courses/{id}/versions/1.0.0", uploaded.Headers.Location!.OriginalString);

        using var hidden = await site.Visitor().GetAsync($"/courses/{id}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        var preview = await admin.GetPageAsync($"/admin/courses/{id}/versions/1.0.0/lessons/lock");
        Assert.Equal("锁屏", preview.QuerySelector("article h1")!.TextContent);

        using var published = await admin.PublishAsync(id, "1.0.0");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var page = await site.Visitor().GetPageAsync($"/courses/{id}");
        Assert.Equal("手机安全", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task An_older_version_is_refused_even_when_its_course_json_starts_with_a_byte_order_mark_or_a_comment()
    {
        var admin = await site.AdminAsync();
        var (package, id) = NewCourse();
        (await admin.UploadAsync(package.Copy().WithVersion("1.2.0").Zip())).Dispose();
        (await admin.PublishAsync(id, "1.2.0")).Dispose();

        // Windows Notepad saves with a byte-order mark; authors leave comments. The manifest reader accepts both.
        foreach (var older in new[] { "\uFEFF", "// an old copy\n" }.Select(start => package.Copy().WithVersion("0.9.0").Edit("course.json", j => start + j)))
        {
            using var response = await admin.UploadAsync(older.Zip());
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains("0.9.0 版不比已发布的 1.2.0 版高", (await response.ParseAsync()).QuerySelector("ul.problems")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(["1.2.0"], await InScopeAsync(db => db.Versions.Where(v => v.CourseId == id).Select(v => v.Version).ToListAsync()));
    }

    [Fact]
    public async Task A_broken_package_is_refused_with_every_problem_and_nothing_is_stored()
    {
        var admin = await site.AdminAsync();
        var (package, id) = NewCourse();
        package.Remove("lessons/en/01-lock.md").Set("media/evil.svg", "<svg onload=alert(1)>")
            .Edit("lessons/zh-CN/02-check.md", md => md.Replace("(x) No", "( ) No", StringComparison.Ordinal));
        using var response = await admin.UploadAsync(package.Zip());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problems = (await response.ParseAsync()).QuerySelectorAll("ul.problems li").Select(li => li.TextContent).ToList();
        Assert.Contains(problems, p => p.Contains("课“lock”缺少 en 版本的文件。", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("media/evil.svg", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("lessons/zh-CN/02-check.md:12", StringComparison.Ordinal));
        Assert.False(await InScopeAsync(db => db.Courses.AnyAsync(c => c.Id == id)));
        Assert.False(await InScopeAsync(db => db.Lessons.AnyAsync(l => l.CourseId == id)));
    }

    [Fact]
    public async Task A_zip_slip_upload_is_refused_and_writes_nothing_outside()
    {
        var admin = await site.AdminAsync();
        var (package, id) = NewCourse();
        using var response = await admin.UploadAsync(package.Set("../../escaped.txt", "x").Zip());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.False(File.Exists(Path.Combine(site.Database.DataFolder, "..", "..", "escaped.txt")));
        Assert.False(await InScopeAsync(db => db.Courses.AnyAsync(c => c.Id == id)));
    }

    [Fact]
    public async Task A_learner_cannot_upload_a_package()
    {
        var (learner, _) = await site.LearnerAsync();
        var (package, id) = NewCourse();
        var token = (await learner.GetPageAsync("/")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(package.Zip()), "package", "x.zip" } };
        using var response = await learner.PostAsync("/admin/courses/upload", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/denied", response.Headers.Location!.AbsolutePath);
        Assert.False(await InScopeAsync(db => db.Courses.AnyAsync(c => c.Id == id)));
    }

    private async Task<string> PublishedCourseAsync(TestPackage? package = null)
    {
        var admin = await site.AdminAsync();
        var (fresh, id) = NewCourse();
        package ??= fresh;
        id = package.Files["course.json"] is var json ? System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("id").GetString()! : id;
        using var uploaded = await admin.UploadAsync(package.Zip());
        Assert.True(uploaded.StatusCode == HttpStatusCode.Redirect, await uploaded.Content.ReadAsStringAsync());
        (await admin.PublishAsync(id, "1.0.0")).Dispose();
        return id;
    }

    [Fact]
    public async Task A_learner_completes_a_course_and_CourseCompleted_is_raised_exactly_once()
    {
        var id = await PublishedCourseAsync();
        var (learner, email) = await site.LearnerAsync();
        (await learner.SubmitAsync($"/courses/{id}", $"/courses/{id}/enrol", new Dictionary<string, string>())).Dispose();

        using var wrong = await learner.AnswerQuizAsync(id, "check", "lock-quiz", new Dictionary<string, string> { ["q0"] = "0" });
        Assert.Contains("#quiz-lock-quiz", wrong.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var result = await learner.GetPageAsync($"/courses/{id}/lessons/check");
        Assert.Contains("0", result.QuerySelector(".quiz-result strong")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Your PIN is yours alone.", result.QuerySelector(".quiz-result")!.TextContent, StringComparison.Ordinal);

        (await learner.FinishLessonAsync(id, "lock")).Dispose();
        (await learner.FinishLessonAsync(id, "check")).Dispose();
        Assert.DoesNotContain(site.Events.All.OfType<CourseCompleted>(), e => e.CourseId == id);
        var underScore = await learner.GetPageAsync($"/courses/{id}"); // every lesson done, the quiz under the passing score
        Assert.Null(underScore.QuerySelector("a.button.continue"));
        Assert.Contains("测验要达到", underScore.QuerySelector("main .notice.retry")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("打开这门课", (await learner.GetPageAsync("/")).QuerySelector($".go-on a[href='/courses/{id}']")!.TextContent);

        (await learner.AnswerQuizAsync(id, "check", "lock-quiz", new Dictionary<string, string> { ["q0"] = "1" })).Dispose();
        (await learner.FinishLessonAsync(id, "check")).Dispose();
        (await learner.AnswerQuizAsync(id, "check", "lock-quiz", new Dictionary<string, string> { ["q0"] = "1" })).Dispose();

        var completed = Assert.Single(site.Events.All.OfType<CourseCompleted>(), e => e.CourseId == id);
        Assert.Equal(100, completed.Score);
        Assert.Equal(1, completed.Credits);
        var page = await learner.GetPageAsync($"/courses/{id}");
        Assert.NotNull(page.QuerySelector(".success"));
        Assert.Null(page.QuerySelector("a.button.continue"));
        Assert.Null(page.QuerySelector("main .notice.retry"));
        Assert.Null((await learner.GetPageAsync("/")).QuerySelector(".go-on")); // nothing left to go on with
    }

    [Fact]
    public async Task A_replayed_quiz_submission_is_graded_once_and_the_try_limit_holds()
    {
        var id = await PublishedCourseAsync();
        var (learner, _) = await site.LearnerAsync();
        var page = await learner.GetPageAsync($"/courses/{id}/lessons/check");
        var form = page.QuerySelector($"form[action='/courses/{id}/quizzes/lock-quiz']")!;
        var fields = form.QuerySelectorAll("input[type=hidden]").Select(i => KeyValuePair.Create(i.GetAttribute("name")!, i.GetAttribute("value")!)).ToList();
        fields.Add(KeyValuePair.Create("q0", "0"));
        for (var i = 0; i < 3; i++)
        {
            (await learner.PostAsync($"/courses/{id}/quizzes/lock-quiz", new FormUrlEncodedContent(fields))).Dispose();
        }

        Assert.Contains("还可以答 2 次", (await learner.GetPageAsync($"/courses/{id}/lessons/check")).QuerySelector(".quiz")!.TextContent, StringComparison.Ordinal);
        for (var i = 0; i < 2; i++)
        {
            (await learner.AnswerQuizAsync(id, "check", "lock-quiz", new Dictionary<string, string> { ["q0"] = "0" })).Dispose();
        }

        var after = await learner.GetPageAsync($"/courses/{id}/lessons/check");
        Assert.Null(after.QuerySelector($"form[action='/courses/{id}/quizzes/lock-quiz']"));
        Assert.Contains("答题机会已经用完了", after.QuerySelector(".quiz")!.TextContent, StringComparison.Ordinal);

        // A fourth try posted by hand, with a fresh submission id, is refused: still three attempts.
        fields[fields.FindIndex(f => f.Key == "submissionId")] = KeyValuePair.Create("submissionId", Guid.NewGuid().ToString());
        (await learner.PostAsync($"/courses/{id}/quizzes/lock-quiz", new FormUrlEncodedContent(fields))).Dispose();
        await using var scope = site.Services.CreateAsyncScope();
        var attempts = await scope.ServiceProvider.GetRequiredService<Literacy.Assessments.Data.AssessmentsDbContext>().Attempts.CountAsync(a => a.CourseId == id);
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task Publishing_v2_keeps_progress_by_lesson_id_and_restore_brings_v1_back()
    {
        var admin = await site.AdminAsync();
        var (v1, id) = NewCourse();
        (await admin.UploadAsync(v1.Zip())).Dispose();
        (await admin.PublishAsync(id, "1.0.0")).Dispose();
        var (learner, _) = await site.LearnerAsync();
        (await learner.FinishLessonAsync(id, "lock")).Dispose();
        var visitor = site.Visitor();
        Assert.Equal(2, (await visitor.GetPageAsync($"/courses/{id}")).QuerySelectorAll("ol.outline li").Length); // now in the page cache
        Assert.Contains("Should you tell anyone your PIN?", await QuizTextAsync(learner, id), StringComparison.Ordinal); // its questions are now rendered once

        // Version 2 asks its quiz question in other words and adds a new lesson; "lock" stays.
        var v2 = v1.Copy().WithVersion("2.0.0")
            .Edit("course.json", j => j.Replace("[\"lock\", \"check\"]", "[\"lock\", \"extra\", \"check\"]", StringComparison.Ordinal))
            .Edit("lessons/zh-CN/02-check.md", md => md.Replace("Should you tell anyone your PIN?", "可以把密码告诉别人吗？", StringComparison.Ordinal))
            .Edit("lessons/en/02-check.md", md => md.Replace("Should you tell anyone your PIN?", "May anyone know your PIN?", StringComparison.Ordinal))
            .Set("lessons/zh-CN/03-extra.md", "---\nid: extra\ntitle: 新内容\nminutes: 5\n---\n新的一课。\n")
            .Set("lessons/en/03-extra.md", "---\nid: extra\ntitle: New part\nminutes: 5\n---\nA new lesson.\n");
        using var uploaded = await admin.UploadAsync(v2.Zip());
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        (await admin.PublishAsync(id, "2.0.0")).Dispose();

        var course = await learner.GetPageAsync($"/courses/{id}");
        Assert.Equal(3, course.QuerySelectorAll("ol.outline li").Length);
        Assert.Equal(3, (await visitor.GetPageAsync($"/courses/{id}")).QuerySelectorAll("ol.outline li").Length); // publishing cleared it
        Assert.Single(course.QuerySelectorAll("ol.outline .done"));
        Assert.Contains("已学完 1 课，共 3 课", course.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var goOn = course.QuerySelector("a.button.continue")!; // the first lesson of v2 not yet done: the new one, not "lock" again
        Assert.Equal($"/courses/{id}/lessons/extra", goOn.GetAttribute("href"));
        Assert.Equal("接着学第 2 课：新内容", goOn.TextContent);
        var home = await learner.GetPageAsync("/"); // the front page leads back there too
        Assert.Equal(goOn.GetAttribute("href"), home.QuerySelector(".go-on a.button.continue")!.GetAttribute("href"));
        Assert.Contains("已学完 1 课，共 3 课。", home.QuerySelector(".go-on")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await visitor.GetPageAsync("/")).QuerySelector(".go-on"));
        Assert.Contains("可以把密码告诉别人吗？", await QuizTextAsync(learner, id), StringComparison.Ordinal);

        using var older = await admin.UploadAsync(v1.WithVersion("1.5.0").Zip());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, older.StatusCode);
        Assert.Contains("1.5.0 版不比已发布的 2.0.0 版高", await older.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        (await admin.RestoreAsync(id)).Dispose();
        var restored = await learner.GetPageAsync($"/courses/{id}");
        Assert.Equal(2, restored.QuerySelectorAll("ol.outline li").Length);
        Assert.Equal("1.0.0", await InScopeAsync(db => db.Courses.Where(c => c.Id == id).Select(c => c.PublishedVersion).SingleAsync()));
    }

    [Fact]
    public async Task Media_is_served_with_ranges_long_caching_and_its_real_type()
    {
        var (package, _) = NewCourse();
        var video = new byte[4096];
        byte[] header = [0, 0, 0, 0x18, .. "ftypmp42"u8];
        header.CopyTo(video, 0);
        package.Edit("course.json", j => j.Replace("\"blocks\": [\"quiz\"]", "\"blocks\": [\"quiz\", \"video\"]", StringComparison.Ordinal))
            .Set("media/call.mp4", video).Set("media/call.zh-CN.vtt", "WEBVTT\n\n00:00.000 --> 00:02.000\n打开微信\n").Set("media/call.en.vtt", "WEBVTT\n\n00:00.000 --> 00:02.000\nOpen WeChat\n")
            .Edit("lessons/zh-CN/01-lock.md", md => md + "\n```video\nsrc: media/call.mp4\ncaptions: media/call.zh-CN.vtt\ntitle: 怎样打视频电话\n```\n")
            .Edit("lessons/en/01-lock.md", md => md + "\n```video\nsrc: media/call.mp4\ncaptions: media/call.en.vtt\ntitle: How to make a video call\n```\n");
        var id = await PublishedCourseAsync(package);

        var lesson = await site.Visitor().GetPageAsync($"/courses/{id}/lessons/lock");
        var player = lesson.QuerySelector("video")!;
        Assert.Equal("none", player.GetAttribute("preload"));
        Assert.Null(player.GetAttribute("autoplay"));
        var src = player.QuerySelector("source")!.GetAttribute("src")!;
        Assert.Equal($"/courses/{id}/v/1.0.0/media/call.mp4", src);
        Assert.Equal($"/courses/{id}/v/1.0.0/media/call.zh-CN.vtt", player.QuerySelector("track")!.GetAttribute("src"));

        using var request = new HttpRequestMessage(HttpMethod.Get, src);
        request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(0, 99);
        using var part = await site.Visitor().SendAsync(request);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(100, (await part.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal("video/mp4", part.Content.Headers.ContentType!.MediaType);
        Assert.Contains("immutable", part.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal("nosniff", part.Headers.GetValues("X-Content-Type-Options").Single());

        // Withdrawn: its media go with it, for everyone but the course managers.
        var admin = await site.AdminAsync();
        (await admin.SubmitAsync("/admin/courses", $"/admin/courses/{id}/unpublish", new Dictionary<string, string>())).Dispose();
        using var gone = await site.Visitor().GetAsync(src);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        using var kept = await admin.GetAsync(src);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.True(kept.Headers.CacheControl is { Private: true, NoStore: true });
    }

    [Fact]
    public async Task A_trainer_sees_the_learners_of_assigned_courses_only()
    {
        var admin = await site.AdminAsync();
        var assigned = await PublishedCourseAsync();
        var other = await PublishedCourseAsync();
        var (trainer, trainerEmail) = await site.LearnerAsync("李老师");
        var userPage = await admin.GetPageAsync($"/admin/users?search={Uri.EscapeDataString(trainerEmail)}");
        var roleAction = userPage.QuerySelector("form[action$='/role']")!.GetAttribute("action")!;
        (await admin.SubmitAsync($"/admin/users?search={Uri.EscapeDataString(trainerEmail)}", roleAction, new Dictionary<string, string> { ["role"] = "Trainer" })).Dispose();
        using var assign = await admin.SubmitAsync("/admin/courses", $"/admin/courses/{assigned}/trainers", new Dictionary<string, string> { ["email"] = trainerEmail });
        Assert.Equal(HttpStatusCode.Redirect, assign.StatusCode);

        var (learner, _) = await site.LearnerAsync("张大哥");
        (await learner.FinishLessonAsync(assigned, "lock")).Dispose();
        (await learner.FinishLessonAsync(other, "lock")).Dispose();

        await trainer.SignInAsync(trainerEmail); // a fresh sign-in carries the new role
        var list = await trainer.GetPageAsync("/trainer/courses");
        var links = list.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/trainer/courses/{assigned}", links);
        Assert.DoesNotContain($"/trainer/courses/{other}", links);

        var course = await trainer.GetPageAsync($"/trainer/courses/{assigned}");
        var row = course.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("张大哥", StringComparison.Ordinal));
        Assert.Contains("1 / 2", row.TextContent, StringComparison.Ordinal);
        using var hidden = await trainer.GetAsync($"/trainer/courses/{other}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        using var denied = await learner.GetAsync("/trainer/courses");
        Assert.Equal("/account/denied", denied.Headers.Location!.AbsolutePath);
    }

    /// <summary>A large course's learners come 50 to a page, in the order they started, with every learner counted.</summary>
    [Fact]
    public async Task A_trainer_pages_through_a_large_courses_learners_in_the_order_they_started()
    {
        var admin = await site.AdminAsync(); // an administrator sees every course's learners
        var courseId = await PublishedCourseAsync();
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoursesDbContext>();
            var start = new DateTime(2026, 1, 1, 8, 0, 0, DateTimeKind.Utc);
            db.Enrolments.AddRange(Enumerable.Range(0, 55).Select(i => new Enrolment
            {
                UserId = $"{courseId}-learner-{i:00}", CourseId = courseId, EnrolledUtc = start.AddDays(i),
                CompletedUtc = i < 3 ? start.AddDays(i + 1) : null, CompletedVersion = i < 3 ? "1.0.0" : null, Score = i < 3 ? 100 : null,
            }));
            await db.SaveChangesAsync();
        }

        var (learner, _) = await site.LearnerAsync("周阿姨"); // the 56th to start, with a quiz answered
        (await learner.SubmitAsync($"/courses/{courseId}", $"/courses/{courseId}/enrol", new Dictionary<string, string>())).Dispose();
        (await learner.AnswerQuizAsync(courseId, "check", "lock-quiz", new Dictionary<string, string> { ["q0"] = "1" })).Dispose();

        var first = await admin.GetPageAsync($"/trainer/courses/{courseId}");
        Assert.Equal(50, first.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("已有 56 位学员开始学这门课，其中 3 位已经学完。", first.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("第 1 到第 50 位，共 56 位", first.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/trainer/courses/{courseId}?page=2", first.QuerySelector("nav[aria-label] a[href*='page=']")!.GetAttribute("href"));

        var second = await admin.GetPageAsync($"/trainer/courses/{courseId}?page=2");
        var rows = second.QuerySelectorAll("tbody tr");
        Assert.Equal(6, rows.Length);
        Assert.Contains("2026-02-20", rows[0].TextContent, StringComparison.Ordinal); // the 51st to start
        Assert.Contains("100%", rows.Single(r => r.TextContent.Contains("周阿姨", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
        Assert.Null(second.QuerySelector($"a[href='/trainer/courses/{courseId}?page=3']"));
    }

    [Fact]
    public async Task Pages_for_visitors_are_cached_but_never_pages_for_signed_in_learners()
    {
        var id = await PublishedCourseAsync();
        using var first = await site.Visitor().GetAsync($"/courses/{id}/lessons/check");
        using var second = await site.Visitor().GetAsync($"/courses/{id}/lessons/check");
        Assert.False(first.Headers.Contains("Set-Cookie"), string.Join(";", first.Headers.TryGetValues("Set-Cookie", out var c) ? c : []));
        Assert.True(second.Headers.Age.HasValue, "a visitor's second view comes from the page cache");
        var anonymous = await second.ParseAsync();
        Assert.Null(anonymous.QuerySelector("form[action*='/quizzes/']"));
        Assert.NotNull(anonymous.QuerySelector("a[href^='/account/login']"));

        var (learner, _) = await site.LearnerAsync();
        using var mine = await learner.GetAsync($"/courses/{id}/lessons/check");
        Assert.False(mine.Headers.Age.HasValue);
        Assert.NotNull((await mine.ParseAsync()).QuerySelector($"form[action='/courses/{id}/quizzes/lock-quiz']"));

        using var english = await site.Visitor().GetAsync($"/courses/{id}/lessons/check?culture=en");
        Assert.Equal("Quiz", (await english.ParseAsync()).QuerySelector("article h1")!.TextContent);
    }
}
