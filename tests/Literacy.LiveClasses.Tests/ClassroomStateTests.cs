using Literacy.LiveClasses.Classroom;

namespace Literacy.LiveClasses.Tests;

public sealed class ClassroomStateTests
{
    private static readonly DateTime At = new(2026, 11, 24, 6, 0, 0, DateTimeKind.Utc);

    private static ClassroomState Replay(params ClassEvent[] events)
    {
        var state = new ClassroomState();
        for (var i = 0; i < events.Length; i++)
        {
            state.Apply(new LoggedEvent(i + 1, At.AddSeconds(i), events[i]));
        }

        return state;
    }

    [Fact]
    public void The_log_read_back_from_json_gives_the_same_room()
    {
        ClassEvent[] events = [new SlideShown(2), new ChatPosted("u1", "钱阿姨", "你好"), new HandRaised("u1", "钱阿姨"), new PollOpened("会了吗？", ["会了", "还不会"], false), new PollAnswered(4, "u1", [1])];
        var state = Replay([.. events.Select(e => ClassEvent.FromJson(e.ToJson()))]);

        Assert.Equal(["slide-shown", "chat-posted", "hand-raised", "poll-opened", "poll-answered"], events.Select(e => e.Kind));
        Assert.Equal(2, state.Slide);
        Assert.Equal("你好", Assert.Single(state.Chat).Text);
        Assert.True(state.HasHandUp("u1"));
        Assert.Equal([0, 1], state.PollCounts());
    }

    [Fact]
    public void A_learner_sees_poll_results_only_once_the_trainer_shows_them_and_a_new_answer_replaces_the_old()
    {
        var state = Replay(new PollOpened("Q", ["a", "b", "c"], true), new PollAnswered(1, "u1", [0, 2]), new PollAnswered(1, "u1", [1]), new PollAnswered(1, "u2", [1]));
        Assert.Null(state.PollFor("u1", staff: false)!.Counts);
        Assert.Equal([0, 2, 0], state.PollFor("t", staff: true)!.Counts);
        Assert.Equal([1], state.PollFor("u1", staff: false)!.MyChoices);

        state.Apply(new LoggedEvent(5, At, new PollResultsShown(1)));
        Assert.Equal([0, 2, 0], state.PollFor("u3", staff: false)!.Counts);
    }

    [Fact]
    public void Answers_outside_the_options_or_several_for_a_single_choice_poll_are_not_taken()
    {
        var state = Replay(new PollOpened("Q", ["a", "b"], false));
        Assert.True(state.PollTakes(1, [1]));
        Assert.False(state.PollTakes(1, [0, 1]));
        Assert.False(state.PollTakes(1, [2]));
        Assert.False(state.PollTakes(1, [-1]));
        Assert.False(state.PollTakes(1, []));
        Assert.False(state.PollTakes(2, [0]));
    }

    [Fact]
    public void Removed_and_old_chat_leaves_the_room_and_an_event_seen_twice_changes_nothing()
    {
        var state = Replay([.. Enumerable.Range(0, ClassroomState.RecentChat + 5).Select(i => (ClassEvent)new ChatPosted("u", "n", $"m{i}"))]);
        Assert.Equal(ClassroomState.RecentChat, state.Chat.Count);
        Assert.Equal("m5", state.Chat.First().Text);

        state.Apply(new LoggedEvent(ClassroomState.RecentChat + 6, At, new ChatRemoved(6, "t")));
        state.Apply(new LoggedEvent(ClassroomState.RecentChat + 6, At, new ChatPosted("u", "n", "again"))); // same place: ignored
        Assert.DoesNotContain(state.Chat, c => c.Text == "m5" || c.Text == "again");
    }

    [Fact]
    public void Ending_the_class_closes_the_poll_and_clears_the_hands()
    {
        var state = Replay(new HandRaised("u1", "n"), new PollOpened("Q", ["a", "b"], false), new ClassEnded());
        Assert.True(state.Ended);
        Assert.Empty(state.Hands);
        Assert.Null(state.OpenPollId);
    }
}
