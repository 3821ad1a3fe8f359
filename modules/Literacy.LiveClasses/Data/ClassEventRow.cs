namespace Literacy.LiveClasses.Data;

/// <summary>One entry of a class's append-only event log. The classroom's state is the log, replayed.</summary>
public sealed class ClassEventRow
{
    public long Id { get; set; }

    public required string ClassId { get; set; }

    /// <summary>1, 2, 3… per class; unique, so two nodes cannot both append the same place.</summary>
    public int Sequence { get; set; }

    public required string Kind { get; set; }

    /// <summary>The event as JSON (see <see cref="Classroom.ClassEvent"/>).</summary>
    public required string Data { get; set; }

    public DateTime AtUtc { get; set; }
}
