namespace Literacy.Web.Data;

/// <summary>
/// One administrative action: who, what, to what, when. Entries are only ever added (<see cref="PlatformDbContext"/> refuses
/// to change or remove one) and each is chained to the one before by <see cref="Hash"/>, so a changed or missing entry shows.
/// People are named by account id only, never by email or name, so that deleting an account leaves nothing in the trail
/// that says who they were; the admin page looks the names up while the account exists.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>1, 2, 3...: the entry's place in the chain. Unique, so two writers cannot both append after one head.</summary>
    public long Sequence { get; set; }

    /// <summary>Whole microseconds, so that the hash survives PostgreSQL's round trip.</summary>
    public DateTime AtUtc { get; set; }

    /// <summary>The acting user's id, or null for the system (setup, recipes, background work).</summary>
    public string? ActorId { get; set; }

    public required string Action { get; set; }

    public required string Target { get; set; }

    public string? Details { get; set; }

    /// <summary>The hash of the entry before this one, or <see cref="Literacy.Modules.Chaining.ChainLine.Genesis"/> for the first.</summary>
    public string PreviousHash { get; set; } = string.Empty;

    public string Hash { get; set; } = string.Empty;
}
