namespace Literacy.LiveClasses.Classroom;

/// <summary>What the server tells classroom pages. Every learner gets the first group; the trainer also the last.</summary>
public interface IClassroomClient
{
    Task SlideChanged(int index);

    Task ChatPosted(ChatLine line);

    Task ChatRemoved(int id);

    /// <summary>To one learner: the trainer turned their chat off or on.</summary>
    Task MutedChanged(bool muted);

    /// <summary>To one learner: their hand is up or down (the trainer may lower it).</summary>
    Task HandChanged(bool raised);

    /// <summary>The open poll as the receiver may see it; null when it is closed.</summary>
    Task PollChanged(PollView? poll);

    Task ClassEnded();

    /// <summary>To the trainer: the queue of raised hands, oldest first.</summary>
    Task HandsChanged(IReadOnlyList<Hand> hands);

    Task ParticipantJoined(ParticipantView participant);

    Task ParticipantLeft(string userId);
}

public sealed record ParticipantView(string UserId, string Name, bool Muted);

/// <summary>Everything a (re)joining page needs to show the room as it is.</summary>
public sealed record ClassroomSnapshot(
    string ClassId,
    string Me,
    bool Staff,
    int Slide,
    int SlideCount,
    IReadOnlyCollection<ChatLine> Chat,
    bool Muted,
    bool HandRaised,
    PollView? Poll,
    IReadOnlyList<Hand>? Hands,
    IReadOnlyList<ParticipantView>? Participants,
    bool Ended = false);
