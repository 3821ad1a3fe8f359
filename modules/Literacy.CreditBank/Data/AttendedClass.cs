namespace Literacy.CreditBank.Data;

/// <summary>Minutes a learner spent in one live class, kept once per event, so that the minutes rules can add them up.</summary>
public sealed class AttendedClass
{
    public Guid EventId { get; set; }

    public required string UserId { get; set; }

    public required string ClassId { get; set; }

    public int Minutes { get; set; }

    public DateTime EndedUtc { get; set; }
}
