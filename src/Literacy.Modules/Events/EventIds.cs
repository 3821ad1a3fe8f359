using System.Security.Cryptography;
using System.Text;

namespace Literacy.Modules.Events;

public static class EventIds
{
    /// <summary>
    /// The same id for the same fact (e.g. "course-completed:{user}:{course}"), so that an event delivered twice,
    /// or raised again after a crash, is recognised by handlers that key on it.
    /// </summary>
    public static Guid For(string fact)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(fact));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5-style, name-based
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
