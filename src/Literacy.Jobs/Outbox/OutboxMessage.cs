namespace Literacy.Jobs.Outbox;

public enum OutboxState
{
    /// <summary>Waiting to be handed to a worker (new, or waiting for its next try).</summary>
    Pending = 0,

    /// <summary>Handed to Hangfire; a worker will pick it up.</summary>
    Queued = 1,

    /// <summary>A worker holds it until <see cref="OutboxMessage.LeaseUntilUtc"/>.</summary>
    Working = 2,

    Done = 3,

    /// <summary>Refused, or out of tries: <see cref="OutboxMessage.LastError"/> says why.</summary>
    Failed = 4,

    /// <summary>Nothing to do after all (e.g. the person unsubscribed since): <see cref="OutboxMessage.LastError"/> says why.</summary>
    Skipped = 5,
}

/// <summary>One piece of work in the durable outbox. Rows are kept as the record of what was sent and when.</summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public required string Kind { get; set; }

    /// <summary>Unique: the same work asked for twice is one row.</summary>
    public required string Key { get; set; }

    public required string Payload { get; set; }

    public DateTime CreatedUtc { get; set; }

    public OutboxState State { get; set; }

    public int Attempts { get; set; }

    /// <summary>Not before this time (a retry's back-off).</summary>
    public DateTime DueUtc { get; set; }

    public DateTime? LeaseUntilUtc { get; set; }

    public DateTime? DoneUtc { get; set; }

    /// <summary>The node that did the work, for operators reading the table.</summary>
    public string? Node { get; set; }

    public string? LastError { get; set; }
}
