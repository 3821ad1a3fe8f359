using Literacy.Modules.Chaining;

namespace Literacy.Web.Data;

/// <summary>
/// The hash of an audit entry: SHA-256 over the UTF-8 line
/// "literacy-audit-v1\n{sequence}\n{microseconds since 0001-01-01}\n{actor id or empty}\n{action}\n{target}\n{details or empty}\n{previous hash}",
/// as lower-case hex. Written down in docs/privacy.md so that an auditor can recompute it.
/// </summary>
public static class AuditHash
{
    private static ReadOnlySpan<byte> Version => "literacy-audit-v1"u8;

    public static string Of(AuditEntry e)
    {
        using var line = Line(e.Sequence, e.AtUtc, e.ActorId, e.Action, e.Target, e.Details, e.PreviousHash);
        return line.Hex();
    }

    public static bool Matches(AuditEntry e)
    {
        using var line = Line(e.Sequence, e.AtUtc, e.ActorId, e.Action, e.Target, e.Details, e.PreviousHash);
        return line.Matches(e.Hash);
    }

    private static ChainLine Line(long sequence, DateTime atUtc, string? actorId, string action, string target, string? details, string previousHash)
    {
        // The version, two numbers and seven separators fit in 64 bytes; the text is measured.
        var line = new ChainLine(Version, 64, (actorId?.Length ?? 0) + action.Length + target.Length + (details?.Length ?? 0) + previousHash.Length);
        line.Value(sequence, default);
        line.Value(atUtc.Ticks / 10, default); // whole microseconds
        line.Text(actorId ?? string.Empty);
        line.Text(action);
        line.Text(target);
        line.Text(details ?? string.Empty);
        line.Text(previousHash);
        return line;
    }
}
