namespace Literacy.Jobs;

/// <summary>The "Jobs" settings.</summary>
public sealed class JobsOptions
{
    /// <summary>Hangfire workers on this node.</summary>
    public int Workers { get; set; } = Math.Max(4, Environment.ProcessorCount * 2);

    /// <summary>The back-off when no "Jobs:RetryDelays" are set: about three hours of tries in all.</summary>
    public static readonly TimeSpan[] DefaultRetryDelays =
        [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)];

    /// <summary>How long to wait before each retry of failed work; after the last, the work is marked failed.</summary>
    public TimeSpan[] RetryDelays { get; set; } = []; // filled after binding: a bound list would add to a default one

    /// <summary>How often the outbox is read for due work that no commit on this node announced (another node's, a retry).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long the outbox gathers after a commit announces new work, before handing it to workers: in a burst (a class
    /// finishing its course at once) the work then goes out in full jobs instead of a small job per commit, which on two
    /// cores took a third of the CPU from the commits themselves.
    /// </summary>
    public TimeSpan Gather { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long a worker may hold a piece of work before another may take it (the worker died).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Names this node in Hangfire and in the outbox.</summary>
    public string Node { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}";
}
