using System.Text;

namespace Literacy.Bench.CreditBank;

/// <summary>
/// The burst's promises: one learner id per line, written and fsynced only after that learner's award returned,
/// as a client would record an acknowledged write. Whatever is in here must survive the crash.
/// </summary>
public sealed class AckFile(string path) : IDisposable
{
    private readonly FileStream stream = new(path, FileMode.Append, FileAccess.Write, FileShare.Read);
    private readonly Lock gate = new();

    public void Append(string userId)
    {
        var line = Encoding.UTF8.GetBytes(userId + "\n");
        lock (gate)
        {
            stream.Write(line);
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>The complete lines: one cut short by the kill was never acknowledged.</summary>
    public static IReadOnlyList<string> Read(string path)
    {
        var text = File.ReadAllText(path);
        var end = text.LastIndexOf('\n');
        return end < 0 ? [] : text[..end].Split('\n');
    }

    public void Dispose() => stream.Dispose();
}
