using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Literacy.LiveClasses.Classroom;

/// <summary>Something that happened in a classroom. The log of these, in order, is the classroom's whole state.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(SlideShown), "slide-shown")]
[JsonDerivedType(typeof(ChatPosted), "chat-posted")]
[JsonDerivedType(typeof(ChatRemoved), "chat-removed")]
[JsonDerivedType(typeof(ChatMuted), "chat-muted")]
[JsonDerivedType(typeof(HandRaised), "hand-raised")]
[JsonDerivedType(typeof(HandLowered), "hand-lowered")]
[JsonDerivedType(typeof(PollOpened), "poll-opened")]
[JsonDerivedType(typeof(PollAnswered), "poll-answered")]
[JsonDerivedType(typeof(PollResultsShown), "poll-results-shown")]
[JsonDerivedType(typeof(PollClosed), "poll-closed")]
[JsonDerivedType(typeof(ClassEnded), "class-ended")]
public abstract record ClassEvent
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Dictionary<Type, string> Kinds = typeof(ClassEvent).GetCustomAttributes<JsonDerivedTypeAttribute>()
        .ToDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);

    /// <summary>The short name stored beside the JSON, for reading the log by eye or by query.</summary>
    [JsonIgnore]
    public string Kind => Kinds[GetType()];

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ClassEvent FromJson(string json) => JsonSerializer.Deserialize<ClassEvent>(json, Json)!;
}

public sealed record SlideShown(int Index) : ClassEvent;

/// <summary>A chat message; its id is the event's sequence number.</summary>
public sealed record ChatPosted(string UserId, string Name, string Text) : ClassEvent;

public sealed record ChatRemoved(int MessageId, string ByUserId) : ClassEvent;

public sealed record ChatMuted(string UserId, bool Muted) : ClassEvent;

public sealed record HandRaised(string UserId, string Name) : ClassEvent;

public sealed record HandLowered(string UserId, string ByUserId) : ClassEvent;

/// <summary>A poll; its id is the event's sequence number. Opening one closes the one before.</summary>
public sealed record PollOpened(string Question, IReadOnlyList<string> Options, bool Multiple) : ClassEvent;

/// <summary>A learner's answer; answering again replaces it.</summary>
public sealed record PollAnswered(int PollId, string UserId, IReadOnlyList<int> Choices) : ClassEvent;

public sealed record PollResultsShown(int PollId) : ClassEvent;

public sealed record PollClosed(int PollId) : ClassEvent;

public sealed record ClassEnded : ClassEvent;

/// <summary>An event with its place in the log.</summary>
public sealed record LoggedEvent(int Sequence, DateTime AtUtc, ClassEvent Event);
