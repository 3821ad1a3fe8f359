namespace Literacy.LiveClasses.Data;

/// <summary>
/// One connection of a person to a classroom, from join to leave. A phone that drops and comes back makes a new
/// segment; segments are merged when minutes are counted. <see cref="LastSeenUtc"/> is refreshed while the connection
/// lives, so a segment left open by a node that died ends where it was last seen instead of running on as a ghost.
/// </summary>
public sealed class AttendanceSegment
{
    public long Id { get; set; }

    public required string ClassId { get; set; }

    public required string UserId { get; set; }

    public DateTime JoinedUtc { get; set; }

    public DateTime LastSeenUtc { get; set; }

    public DateTime? LeftUtc { get; set; }
}

/// <summary>A learner's counted attendance of an ended class: merged connected minutes within the class's time.</summary>
public sealed class Attendance
{
    public required string ClassId { get; set; }

    public required string UserId { get; set; }

    public int Minutes { get; set; }

    public DateTime? FirstJoinedUtc { get; set; }

    public DateTime? LastLeftUtc { get; set; }

    /// <summary>Set once the credit bank has been told; until then a sweep tells it again (it counts each class once).</summary>
    public DateTime? ReportedUtc { get; set; }
}
