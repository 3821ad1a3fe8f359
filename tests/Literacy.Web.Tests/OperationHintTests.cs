using Literacy.Testing;

namespace Literacy.Web.Tests;

/// <summary>Every learning screen says in one line what to do there, in the reader's language.</summary>
public sealed class OperationHintTests(SqliteSite site) : IClassFixture<SqliteSite>
{
    [Theory]
    [InlineData("/courses", "怎么做：")]
    [InlineData("/courses/stop-fraud", "怎么做：")]
    [InlineData("/courses/stop-fraud/lessons/golden-rules", "怎么做：")]
    [InlineData("/courses?culture=en", "What to do here")]
    [InlineData("/courses/stop-fraud/lessons/golden-rules?culture=en", "What to do here")]
    public async Task A_learning_screen_has_its_what_to_do_here_line(string path, string start)
    {
        var page = await site.Visitor().GetPageAsync(path);
        var hints = page.QuerySelectorAll(".what-to-do").Select(p => p.TextContent).ToList();
        Assert.NotEmpty(hints);
        Assert.All(hints, h => Assert.StartsWith(start, h, StringComparison.Ordinal));
    }
}
