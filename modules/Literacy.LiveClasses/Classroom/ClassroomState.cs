namespace Literacy.LiveClasses.Classroom;

public sealed record ChatLine(int Id, string AuthorId, string Name, string Text, DateTime AtUtc);

public sealed record Hand(string UserId, string Name, DateTime RaisedUtc);

/// <summary>A poll as a viewer sees it. Counts are there for the trainer always, for learners once the trainer shows them.</summary>
public sealed record PollView(int Id, string Question, IReadOnlyList<string> Options, bool Multiple, bool ResultsShown, int Answered, IReadOnlyList<int>? Counts, IReadOnlyList<int>? MyChoices);

/// <summary>
/// The classroom as the log says it is now: the slide, recent chat, who is muted, the hands queue, the open poll.
/// Built only by applying logged events in order, so every node and every restart arrive at the same state.
/// Not thread-safe: <see cref="Classrooms"/> applies and reads it under the class's lock.
/// </summary>
public sealed class ClassroomState
{
    /// <summary>How much chat a (re)joining phone receives; the replay has all of it.</summary>
    public const int RecentChat = 50;

    private readonly LinkedList<ChatLine> chat = new();
    private readonly HashSet<string> muted = [];
    private readonly List<Hand> hands = [];
    private Poll? poll;

    public int LastSequence { get; private set; }

    public int Slide { get; private set; }

    public DateTime? EndedUtc { get; private set; }

    public bool Ended => EndedUtc is not null;

    public IReadOnlyCollection<ChatLine> Chat => chat;

    public IReadOnlyList<Hand> Hands => hands;

    public int? OpenPollId => poll?.Id;

    public bool IsMuted(string userId) => muted.Contains(userId);

    public bool HasHandUp(string userId) => hands.Exists(h => h.UserId == userId);

    public bool HasMessage(int id) => chat.Any(c => c.Id == id);

    public bool PollTakes(int pollId, IReadOnlyList<int> choices) =>
        poll is { } p && p.Id == pollId && choices.Count > 0 && choices.Distinct().Count() == choices.Count
        && choices.All(c => c >= 0 && c < p.Options.Count) && (p.Multiple || choices.Count == 1);

    public void Apply(LoggedEvent logged)
    {
        if (logged.Sequence <= LastSequence)
        {
            return; // already applied: catching up may overlap
        }

        LastSequence = logged.Sequence;
        switch (logged.Event)
        {
            case SlideShown e:
                Slide = e.Index;
                break;
            case ChatPosted e:
                chat.AddLast(new ChatLine(logged.Sequence, e.UserId, e.Name, e.Text, logged.AtUtc));
                if (chat.Count > RecentChat)
                {
                    chat.RemoveFirst();
                }

                break;
            case ChatRemoved e:
                if (chat.FirstOrDefault(c => c.Id == e.MessageId) is { } line)
                {
                    chat.Remove(line);
                }

                break;
            case ChatMuted e when e.Muted:
                muted.Add(e.UserId);
                break;
            case ChatMuted e:
                muted.Remove(e.UserId);
                break;
            case HandRaised e when !HasHandUp(e.UserId):
                hands.Add(new Hand(e.UserId, e.Name, logged.AtUtc));
                break;
            case HandLowered e:
                hands.RemoveAll(h => h.UserId == e.UserId);
                break;
            case PollOpened e:
                poll = new Poll(logged.Sequence, e.Question, e.Options, e.Multiple);
                break;
            case PollAnswered e when poll?.Id == e.PollId:
                poll.Answers[e.UserId] = e.Choices;
                break;
            case PollResultsShown e when poll?.Id == e.PollId:
                poll.ResultsShown = true;
                break;
            case PollClosed e when poll?.Id == e.PollId:
                poll = null;
                break;
            case ClassEnded:
                EndedUtc = logged.AtUtc;
                poll = null;
                hands.Clear();
                break;
        }
    }

    /// <summary>The open poll as <paramref name="userId"/> sees it, or null when none is open.</summary>
    public PollView? PollFor(string userId, bool staff) => poll?.View(userId, staff);

    /// <summary>Votes per option of the open poll.</summary>
    public IReadOnlyList<int> PollCounts() => poll?.Counts() ?? [];

    private sealed class Poll(int id, string question, IReadOnlyList<string> options, bool multiple)
    {
        public int Id { get; } = id;

        public IReadOnlyList<string> Options { get; } = options;

        public bool Multiple { get; } = multiple;

        public bool ResultsShown { get; set; }

        public Dictionary<string, IReadOnlyList<int>> Answers { get; } = [];

        public int[] Counts()
        {
            var counts = new int[Options.Count];
            foreach (var choice in Answers.Values.SelectMany(c => c))
            {
                counts[choice]++;
            }

            return counts;
        }

        public PollView View(string userId, bool staff) =>
            new(Id, question, Options, Multiple, ResultsShown, Answers.Count, staff || ResultsShown ? Counts() : null, Answers.GetValueOrDefault(userId));
    }
}
