using System.Net;
using Literacy.Testing;

namespace Literacy.Web.Tests;

public sealed class SqliteRecommendationTests(SqliteSite site) : RecommendationTests(site), IClassFixture<SqliteSite>;

public sealed class PostgresRecommendationTests(PostgresSite site) : RecommendationTests(site), IClassFixture<PostgresSite>;

/// <summary>"Recommended for you" in the catalog: why each course is suggested, switching it off, and the interests kept for it.</summary>
public abstract class RecommendationTests(PlatformFactory site)
{
    [Fact]
    public async Task A_learner_who_finished_a_course_is_suggested_others_for_the_same_people_with_the_reason()
    {
        var courseId = await site.PublishFixtureCourseAsync(); // 手机安全, for older people
        var (learner, _) = await site.LearnerAsync();
        await learner.CompleteFixtureCourseAsync(courseId);

        var suggested = await SuggestedAsync(learner);
        Assert.Contains("smartphone-basics", suggested.Keys);
        Assert.Contains("stop-fraud", suggested.Keys);
        Assert.DoesNotContain(courseId, suggested.Keys);
        Assert.All(suggested.Values, reason => Assert.Equal("因为您学完了“手机安全”", reason));

        var (joinedOnly, _) = await site.LearnerAsync();
        (await joinedOnly.SubmitAsync("/courses/digital-work", "/courses/digital-work/enrol", new Dictionary<string, string>())).Dispose();
        (await joinedOnly.SubmitAsync("/courses/government-services", "/courses/government-services/enrol", new Dictionary<string, string>())).Dispose();
        var interested = await SuggestedAsync(joinedOnly);
        Assert.Equal("因为您关注：老年人", interested["smartphone-basics"]);
        Assert.DoesNotContain("government-services", interested.Keys);

        Assert.Null((await site.Visitor().GetPageAsync("/courses")).QuerySelector("#suggested-title"));
        var (newcomer, _) = await site.LearnerAsync();
        Assert.Null((await newcomer.GetPageAsync("/courses")).QuerySelector("#suggested-title")); // nothing to suggest yet: the list comes first
    }

    [Fact]
    public async Task Switched_off_the_learner_sees_the_same_list_as_everyone_and_can_switch_back()
    {
        var (learner, _) = await site.LearnerAsync();
        (await learner.SubmitAsync("/courses/government-services", "/courses/government-services/enrol", new Dictionary<string, string>())).Dispose();
        Assert.NotEmpty(await SuggestedAsync(learner));

        using var off = await learner.SubmitAsync("/courses/suggestions", "/courses/suggestions", new Dictionary<string, string> { ["personalised"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        var page = await learner.GetPageAsync("/courses");
        Assert.Empty(page.QuerySelectorAll("ul.suggestions li"));
        Assert.Contains("个性化推荐已关闭", page.QuerySelector("#suggested-title")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Catalog(await site.Visitor().GetPageAsync("/courses")), Catalog(page));

        (await learner.SubmitAsync("/courses/suggestions", "/courses/suggestions", new Dictionary<string, string> { ["personalised"] = "true" })).Dispose();
        Assert.NotEmpty(await SuggestedAsync(learner));
    }

    [Fact]
    public async Task A_learner_sees_the_interests_kept_about_them_and_deletes_them()
    {
        var (learner, _) = await site.LearnerAsync();
        (await learner.SubmitAsync("/courses/government-services", "/courses/government-services/enrol", new Dictionary<string, string>())).Dispose();
        var kept = (await learner.GetPageAsync("/courses/suggestions")).QuerySelectorAll("main li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, kept.Count);
        Assert.Contains(kept, k => k.Contains("老年人（来自课程 government-services）", StringComparison.Ordinal));
        Assert.Contains(kept, k => k.Contains("公务人员（来自课程 government-services）", StringComparison.Ordinal));
        Assert.Contains("government-services", await (await learner.GetAsync("/account/privacy/export.json")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        foreach (var tag in new[] { "elderly", "civil-servants" })
        {
            using var deleted = await learner.SubmitAsync("/courses/suggestions", "/courses/suggestions/forget", new Dictionary<string, string> { ["tag"] = tag });
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }

        var after = await learner.GetPageAsync("/courses/suggestions");
        Assert.Empty(after.QuerySelectorAll("main li form"));
        Assert.Equal("已删除，我们不再保存这项关注。", after.QuerySelector("[role=status]")!.TextContent);
        Assert.Empty(await SuggestedAsync(learner));

        // Asking again for one already deleted (a second tab): said plainly, nothing changes.
        var token = after.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var unknown = await learner.PostAsync("/courses/suggestions/forget", new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token), KeyValuePair.Create("tag", "elderly")]));
        Assert.Equal("我们没有保存这项关注。", (await learner.GetPageAsync("/courses/suggestions")).QuerySelector("[role=alert]")!.TextContent);
        using var visitor = await site.Visitor().GetAsync("/courses/suggestions");
        Assert.Equal("/account/login", visitor.Headers.Location!.AbsolutePath);
    }

    /// <summary>The suggested courses on the catalog page, by course id, with the reason shown for each.</summary>
    private static async Task<Dictionary<string, string>> SuggestedAsync(HttpClient learner) =>
        (await learner.GetPageAsync("/courses")).QuerySelectorAll("ul.suggestions li").ToDictionary(
            li => li.QuerySelector("a")!.GetAttribute("href")!.Split('/')[^1],
            li => li.QuerySelector(".reason")!.TextContent.Trim());

    private static List<string> Catalog(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("ul.cards h2 a").Select(a => a.GetAttribute("href")!).ToList();
}
