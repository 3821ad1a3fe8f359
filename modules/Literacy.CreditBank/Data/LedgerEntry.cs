namespace Literacy.CreditBank.Data;

/// <summary>
/// One line of a learning account's ledger. Append-only: nothing updates or deletes an entry; a correction is a new,
/// compensating entry. <see cref="Hash"/> covers every field and the previous entry's hash, so a change anywhere shows.
/// </summary>
public sealed class LedgerEntry
{
    public long Id { get; set; }

    public Guid AccountId { get; set; }

    /// <summary>1, 2, 3... within the account, without gaps.</summary>
    public long Sequence { get; set; }

    /// <summary>What caused the entry, unique within the account: the same cause never pays twice.</summary>
    public Guid SourceId { get; set; }

    public EntryKind Kind { get; set; }

    public required string UnitId { get; set; }

    /// <summary>Credits added (negative for a correction).</summary>
    public int Credits { get; set; }

    /// <summary>What the credits are for, as JSON: a course and score, live-class minutes, an outside credential, a correction's reason.</summary>
    public required string Evidence { get; set; }

    /// <summary>Whole microseconds, so the value (and the hash over it) survives every database's timestamp precision.</summary>
    public DateTime RecordedUtc { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }
}

public enum EntryKind
{
    Award,
    Recognition,
    Correction,
}
