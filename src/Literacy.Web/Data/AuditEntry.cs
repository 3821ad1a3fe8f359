namespace Literacy.Web.Data;

/// <summary>One administrative action: who, what, to what, when.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    /// <summary>The acting user's id, or null for the system (setup, recipes).</summary>
    public string? ActorId { get; set; }

    public required string ActorName { get; set; }

    public required string Action { get; set; }

    public required string Target { get; set; }

    public string? Details { get; set; }
}
