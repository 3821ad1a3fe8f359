using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Literacy.CreditBank.Data;

namespace Literacy.CreditBank.Ledger;

/// <summary>
/// The hash of a ledger entry: SHA-256 over a fixed, versioned line of every field and the previous entry's hash,
/// as lower-case hex. Written down in docs/credentials.md so that an auditor can recompute it.
/// </summary>
public static class LedgerHash
{
    /// <summary>The "previous hash" of an account's first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string Of(LedgerEntry e) =>
        Of(e.AccountId, e.Sequence, e.SourceId, e.Kind, e.UnitId, e.Credits, e.RecordedUtc, e.Evidence, e.PreviousHash);

    public static string Of(Guid account, long sequence, Guid source, EntryKind kind, string unit, int credits, DateTime recordedUtc, string evidence, string previousHash)
    {
        var text = string.Join('\n',
            "literacy-ledger-v1",
            account.ToString("D"),
            sequence.ToString(CultureInfo.InvariantCulture),
            source.ToString("D"),
            kind.ToString(),
            unit,
            credits.ToString(CultureInfo.InvariantCulture),
            (recordedUtc.Ticks / 10).ToString(CultureInfo.InvariantCulture),
            evidence,
            previousHash);
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(buffer.AsSpan(0, Encoding.UTF8.GetBytes(text, buffer)), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Timestamps are kept to whole microseconds: PostgreSQL stores no finer, and the hash must survive the round trip.</summary>
    public static DateTime Microseconds(DateTimeOffset now) => new(now.UtcTicks - now.UtcTicks % 10, DateTimeKind.Utc);
}
