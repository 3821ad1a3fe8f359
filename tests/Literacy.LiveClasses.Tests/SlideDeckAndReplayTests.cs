using Literacy.LiveClasses.Classroom;
using Literacy.LiveClasses.Scheduling;

namespace Literacy.LiveClasses.Tests;

public sealed class SlideDeckAndReplayTests
{
    [Fact]
    public void Slides_split_on_a_line_of_three_dashes_and_render_without_raw_html()
    {
        var slides = SlideDeck.Render("# 一\r\n\r\n<script>alert(1)</script>\n---\n\n---\n# 二\n\n![照片](https://example.com/a.png)");

        Assert.Equal(2, slides.Count);
        Assert.DoesNotContain("<script", slides[0], StringComparison.Ordinal);
        Assert.Contains("<h1>二</h1>", slides[1], StringComparison.Ordinal);
        Assert.Contains("loading=\"lazy\"", slides[1], StringComparison.Ordinal);
    }

    [Fact]
    public void The_replay_follows_the_slides_as_shown_with_the_chat_and_the_final_poll_counts_of_their_time()
    {
        var at = new DateTime(2026, 11, 24, 6, 0, 0, DateTimeKind.Utc);
        ClassEvent[] events =
        [
            new ChatPosted("u1", "钱阿姨", "开始了吗"),
            new SlideShown(1),
            new PollOpened("会了吗？", ["会了", "还不会"], false),
            new PollAnswered(3, "u1", [0]),
            new PollResultsShown(3),
            new PollAnswered(3, "u2", [0]),
            new PollClosed(3),
            new ChatPosted("u2", "孙大爷", "删掉的"),
            new ChatRemoved(8, "t"),
            new SlideShown(0),
        ];
        var log = events.Select((e, i) => new LoggedEvent(i + 1, at.AddMinutes(i), e)).ToList();

        var sections = ClassReplay.Build(["<p>0</p>", "<p>1</p>"], log);

        Assert.Equal([0, 1, 0], sections.Select(s => s.Slide));
        Assert.Equal("开始了吗", Assert.Single(sections[0].Chat).Text);
        Assert.Empty(sections[1].Chat);
        Assert.Equal([2, 0], Assert.Single(sections[1].Polls).Counts);
    }
}
