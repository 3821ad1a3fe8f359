namespace Literacy.CreditBank.Data;

/// <summary>A learner's request to have a credential from another institution recognised here, and the administrator's decision.</summary>
public sealed class RecognitionRequest
{
    public Guid Id { get; set; }

    public required string UserId { get; set; }

    public DateTime SubmittedUtc { get; set; }

    public required string Jwt { get; set; }

    public required string IssuerId { get; set; }

    /// <summary>The outside credential's own id: one request per credential, however often it is submitted.</summary>
    public required string CredentialId { get; set; }

    public required string AchievementId { get; set; }

    public required string AchievementName { get; set; }

    public int? CreditsClaimed { get; set; }

    /// <summary>The unit the conversion rules point to, if any; the administrator may choose another.</summary>
    public string? ProposedUnitId { get; set; }

    public RecognitionStatus Status { get; set; }

    public string? UnitId { get; set; }

    public string? Reason { get; set; }

    public DateTime? DecidedUtc { get; set; }
}

public enum RecognitionStatus
{
    Pending,
    Approved,
    Rejected,
}
