namespace Literacy.CreditBank.Data;

/// <summary>A signed credential given for an earned unit. The signed JWT itself is kept as issued.</summary>
public sealed class IssuedCredential
{
    /// <summary>Public and unguessable: it is in the verification URL.</summary>
    public Guid Id { get; set; }

    public Guid AccountId { get; set; }

    public long LedgerEntryId { get; set; }

    /// <summary>The entry it was issued with; set when both are written together, so one save stores both.</summary>
    public LedgerEntry? Entry { get; set; }

    public required string UnitId { get; set; }

    public DateTime IssuedUtc { get; set; }

    /// <summary>The credential's bit across the revocation status lists: list (index / 131072) + 1, bit index % 131072.</summary>
    public int StatusIndex { get; set; }

    public required string Jwt { get; set; }

    public DateTime? RevokedUtc { get; set; }

    public string? RevocationReason { get; set; }
}
