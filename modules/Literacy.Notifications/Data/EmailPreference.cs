namespace Literacy.Notifications.Data;

/// <summary>A person's choices about email. No row: the defaults (every topic but the weekly digest) in the site language.</summary>
public sealed class EmailPreference
{
    public required string UserId { get; set; }

    /// <summary>The language their email is written in; learned from the language they used the site in until they choose.</summary>
    public string? Culture { get; set; }

    /// <summary>The topics they get, comma-separated (<see cref="Literacy.Modules.Email.EmailTopic"/> names); empty: none.</summary>
    public required string Topics { get; set; }

    public DateTime UpdatedUtc { get; set; }
}
