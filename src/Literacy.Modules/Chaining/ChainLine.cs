using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Literacy.Modules.Chaining;

/// <summary>
/// The hash that links an append-only record to the one before it (the credit ledger, the audit trail): SHA-256 over a
/// fixed, versioned line of the record's fields, '\n' between them, the previous record's hash last, as lower-case hex.
/// The line is written straight into a pooled buffer, so verifying a long chain allocates nothing per record.
/// </summary>
/// <example><code>
/// using var line = new ChainLine("literacy-audit-v1"u8, fixedBytes: 100, textChars: a.Length + b.Length);
/// line.Value(sequence, default); line.Text(a); line.Text(b);
/// var hash = line.Hex();
/// </code></example>
public ref struct ChainLine : IDisposable
{
    /// <summary>The "previous hash" of a chain's first record.</summary>
    public static readonly string Genesis = new('0', 64);

    [ThreadStatic]
    private static IncrementalHash? Hasher;

    private byte[]? buffer;
    private int length;

    /// <param name="fixedBytes">Room for the version and every number and GUID, with their separators.</param>
    /// <param name="textChars">The total length of the texts the line will hold.</param>
    public ChainLine(ReadOnlySpan<byte> version, int fixedBytes, int textChars)
    {
        buffer = ArrayPool<byte>.Shared.Rent(fixedBytes + Encoding.UTF8.GetMaxByteCount(textChars));
        Bytes(version);
    }

    public void Bytes(ReadOnlySpan<byte> bytes)
    {
        Separate();
        bytes.CopyTo(buffer.AsSpan(length));
        length += bytes.Length;
    }

    public void Text(string text)
    {
        Separate();
        length += Encoding.UTF8.GetBytes(text, buffer.AsSpan(length));
    }

    public void Value<T>(T value, ReadOnlySpan<char> format)
        where T : IUtf8SpanFormattable
    {
        Separate();
        if (!value.TryFormat(buffer.AsSpan(length), out var written, format, CultureInfo.InvariantCulture))
        {
            throw new UnreachableException("A chain line's buffer is sized by its caller for every number and GUID.");
        }

        length += written;
    }

    /// <summary>SHA-256 of the line so far, into 32 bytes.</summary>
    public readonly void Hash(Span<byte> hash)
    {
        // One reusable hasher per thread: a one-shot SHA256.HashData sets up a new OpenSSL context each call, which on
        // Linux costs more than hashing the line itself. Nothing here awaits, so the thread's hasher is ours alone.
        var hasher = Hasher ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hasher.AppendData(buffer!, 0, length);
        hasher.GetHashAndReset(hash);
    }

    public readonly string Hex()
    {
        Span<byte> hash = stackalloc byte[32];
        Hash(hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Whether the line hashes to <paramref name="expected"/> (lower-case hex), without building a string.</summary>
    public readonly bool Matches(ReadOnlySpan<char> expected)
    {
        Span<byte> hash = stackalloc byte[32];
        Hash(hash);
        Span<char> hex = stackalloc char[64];
        return Convert.TryToHexStringLower(hash, hex, out _) && hex.SequenceEqual(expected);
    }

    public void Dispose()
    {
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = null;
        }
    }

    private void Separate()
    {
        if (length > 0)
        {
            buffer![length++] = (byte)'\n';
        }
    }
}
