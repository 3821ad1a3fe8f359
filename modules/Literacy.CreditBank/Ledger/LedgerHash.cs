using Literacy.CreditBank.Data;
using Literacy.Modules.Chaining;

namespace Literacy.CreditBank.Ledger;

/// <summary>
/// The hash of a ledger entry: SHA-256 over a fixed, versioned line of every field and the previous entry's hash,
/// as lower-case hex (<see cref="ChainLine"/>). Written down in docs/credentials.md so that an auditor can recompute it.
/// </summary>
public static class LedgerHash
{
    /// <summary>The "previous hash" of an account's first entry.</summary>
    public static readonly string Genesis = ChainLine.Genesis;

    private static ReadOnlySpan<byte> Version => "literacy-ledger-v1"u8;

    public static string Of(LedgerEntry e) =>
        Of(e.AccountId, e.Sequence, e.SourceId, e.Kind, e.UnitId, e.Credits, e.RecordedUtc, e.Evidence, e.PreviousHash);

    public static string Of(Guid account, long sequence, Guid source, EntryKind kind, string unit, int credits, DateTime recordedUtc, string evidence, string previousHash)
    {
        using var line = Line(account, sequence, source, kind.ToString(), unit, credits, recordedUtc, evidence, previousHash);
        return line.Hex();
    }

    /// <summary>
    /// Whether the fields hash to <paramref name="expected"/>, as <see cref="Of(Guid, long, Guid, EntryKind, string, int, DateTime, string, string)"/>
    /// would say, without allocating: verifying a ledger does this for every entry. <paramref name="kind"/> is the stored name.
    /// </summary>
    internal static bool Matches(Guid account, long sequence, Guid source, string kind, string unit, int credits, DateTime recordedUtc, string evidence, string previousHash, string expected)
    {
        using var line = Line(account, sequence, source, kind, unit, credits, recordedUtc, evidence, previousHash);
        return line.Matches(expected);
    }

    /// <summary>Timestamps are kept to whole microseconds: PostgreSQL stores no finer, and the hash must survive the round trip.</summary>
    public static DateTime Microseconds(DateTimeOffset now) => new(now.UtcTicks - now.UtcTicks % 10, DateTimeKind.Utc);

    /// <summary>The UTF-8 line "literacy-ledger-v1\n{account}\n{sequence}\n...\n{previousHash}".</summary>
    private static ChainLine Line(Guid account, long sequence, Guid source, string kind, string unit, int credits, DateTime recordedUtc, string evidence, string previousHash)
    {
        // The fixed parts (version, two GUIDs, three numbers, nine separators) fit in 160 bytes; the text is measured.
        var line = new ChainLine(Version, 160, kind.Length + unit.Length + evidence.Length + previousHash.Length);
        line.Value(account, "D");
        line.Value(sequence, default);
        line.Value(source, "D");
        line.Text(kind);
        line.Text(unit);
        line.Value(credits, default);
        line.Value(recordedUtc.Ticks / 10, default); // whole microseconds
        line.Text(evidence);
        line.Text(previousHash);
        return line;
    }
}
