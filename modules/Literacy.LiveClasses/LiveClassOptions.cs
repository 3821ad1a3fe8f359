namespace Literacy.LiveClasses;

/// <summary>Settings under "LiveClasses".</summary>
public sealed class LiveClassOptions
{
    /// <summary>The time zone class times are entered and shown in (IANA id).</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>How long before its start a class's room opens.</summary>
    public TimeSpan OpensBefore { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A class nobody ended is ended this long after its scheduled end, and its attendance counted.</summary>
    public TimeSpan EndsAfterSchedule { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Chat: at most this many messages per learner in <see cref="ChatWindow"/>.</summary>
    public int ChatMessagesPerWindow { get; set; } = 5;

    public TimeSpan ChatWindow { get; set; } = TimeSpan.FromSeconds(10);

    public const int MaxChatLength = 300;

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
