using System.Buffers;
using System.Diagnostics;
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

    [ThreadStatic]
    private static IncrementalHash? Hasher;

    private static ReadOnlySpan<byte> Version => "literacy-ledger-v1"u8;

    public static string Of(LedgerEntry e) =>
        Of(e.AccountId, e.Sequence, e.SourceId, e.Kind, e.UnitId, e.Credits, e.RecordedUtc, e.Evidence, e.PreviousHash);

    public static string Of(Guid account, long sequence, Guid source, EntryKind kind, string unit, int credits, DateTime recordedUtc, string evidence, string previousHash)
    {
        Span<byte> hash = stackalloc byte[32];
        Compute(account, sequence, source, kind.ToString(), unit, credits, recordedUtc, evidence, previousHash, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>
    /// Whether the fields hash to <paramref name="expected"/>, as <see cref="Of(Guid, long, Guid, EntryKind, string, int, DateTime, string, string)"/>
    /// would say, without allocating: verifying a ledger does this for every entry. <paramref name="kind"/> is the stored name.
    /// </summary>
    internal static bool Matches(Guid account, long sequence, Guid source, string kind, string unit, int credits, DateTime recordedUtc, string evidence, string previousHash, string expected)
    {
        Span<byte> hash = stackalloc byte[32];
        Compute(account, sequence, source, kind, unit, credits, recordedUtc, evidence, previousHash, hash);
        Span<char> hex = stackalloc char[64];
        return Convert.TryToHexStringLower(hash, hex, out _) && hex.SequenceEqual(expected);
    }

    /// <summary>Timestamps are kept to whole microseconds: PostgreSQL stores no finer, and the hash must survive the round trip.</summary>
    public static DateTime Microseconds(DateTimeOffset now) => new(now.UtcTicks - now.UtcTicks % 10, DateTimeKind.Utc);

    /// <summary>SHA-256 of the UTF-8 line "literacy-ledger-v1\n{account}\n{sequence}\n...\n{previousHash}", written straight into a pooled buffer.</summary>
    private static void Compute(Guid account, long sequence, Guid source, string kind, string unit, int credits, DateTime recordedUtc, string evidence, string previousHash, Span<byte> hash)
    {
        // The fixed parts (version, two GUIDs, three numbers, nine separators) fit in 160 bytes; the text is measured.
        var buffer = ArrayPool<byte>.Shared.Rent(160 + Encoding.UTF8.GetMaxByteCount(kind.Length + unit.Length + evidence.Length + previousHash.Length));
        try
        {
            var line = new Line(buffer);
            line.Bytes(Version);
            line.Value(account, "D");
            line.Value(sequence, default);
            line.Value(source, "D");
            line.Text(kind);
            line.Text(unit);
            line.Value(credits, default);
            line.Value(recordedUtc.Ticks / 10, default); // whole microseconds
            line.Text(evidence);
            line.Text(previousHash);
            // One reusable hasher per thread: a one-shot SHA256.HashData sets up a new OpenSSL context each call,
            // which on Linux costs more than hashing the line itself. Nothing here awaits, so the thread's hasher is ours alone.
            var hasher = Hasher ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hasher.AppendData(buffer, 0, line.Length);
            hasher.GetHashAndReset(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Appends the line's parts to a buffer that is known to be large enough, with '\n' between them.</summary>
    private ref struct Line(byte[] buffer)
    {
        public int Length { get; private set; }

        public void Bytes(ReadOnlySpan<byte> bytes)
        {
            Separate();
            bytes.CopyTo(buffer.AsSpan(Length));
            Length += bytes.Length;
        }

        public void Text(string text)
        {
            Separate();
            Length += Encoding.UTF8.GetBytes(text, buffer.AsSpan(Length));
        }

        public void Value<T>(T value, ReadOnlySpan<char> format)
            where T : IUtf8SpanFormattable
        {
            Separate();
            if (!value.TryFormat(buffer.AsSpan(Length), out var written, format, CultureInfo.InvariantCulture))
            {
                throw new UnreachableException("The ledger line's buffer is sized for every number and GUID.");
            }

            Length += written;
        }

        private void Separate()
        {
            if (Length > 0)
            {
                buffer[Length++] = (byte)'\n';
            }
        }
    }
}
