namespace Literacy.LiveClasses.Classroom;

/// <summary>A poll's outcome as it stood when the trainer showed or closed it.</summary>
public sealed record PollOutcome(int Id, string Question, IReadOnlyList<string> Options, IReadOnlyList<int> Counts, DateTime AtUtc);

/// <summary>One slide as it was shown, with the chat and the poll results of that time.</summary>
public sealed record ReplaySection(int Slide, string Html, DateTime ShownUtc, IReadOnlyList<ChatLine> Chat, IReadOnlyList<PollOutcome> Polls);

public sealed record ReplayPage(Data.LiveClass Class, string When, IReadOnlyList<ReplaySection> Sections);

/// <summary>Replays a class's log into the slides in the order they were shown, each with what was said and decided meanwhile.</summary>
public static class ClassReplay
{
    public static IReadOnlyList<ReplaySection> Build(IReadOnlyList<string> slides, IReadOnlyList<LoggedEvent> log)
    {
        var removed = log.Select(l => l.Event).OfType<ChatRemoved>().Select(r => r.MessageId).ToHashSet();
        var state = new ClassroomState();
        var sections = new List<(int Slide, DateTime At, List<ChatLine> Chat, List<PollOutcome> Polls)>();
        var current = (Slide: 0, At: log.Count > 0 ? log[0].AtUtc : DateTime.MinValue, Chat: new List<ChatLine>(), Polls: new List<PollOutcome>());
        PollOpened? poll = null;
        var pollId = 0;
        foreach (var logged in log)
        {
            var counts = state.PollCounts(); // before this event: a closed poll has none
            state.Apply(logged);
            switch (logged.Event)
            {
                case SlideShown s when s.Index != current.Slide:
                    sections.Add(current);
                    current = (s.Index, logged.AtUtc, [], []);
                    break;
                case ChatPosted c when !removed.Contains(logged.Sequence):
                    current.Chat.Add(new ChatLine(logged.Sequence, c.UserId, c.Name, c.Text, logged.AtUtc));
                    break;
                case PollOpened p:
                    (poll, pollId) = (p, logged.Sequence);
                    break;
                case PollResultsShown or PollClosed when poll is not null:
                    current.Polls.RemoveAll(o => o.Id == pollId);
                    current.Polls.Add(new PollOutcome(pollId, poll.Question, poll.Options, counts, logged.AtUtc));
                    if (logged.Event is PollClosed)
                    {
                        poll = null;
                    }

                    break;
            }
        }

        sections.Add(current);
        return sections.Where(s => s.Slide < slides.Count)
            .Select(s => new ReplaySection(s.Slide, slides[s.Slide], s.At, s.Chat, s.Polls)).ToList();
    }
}
