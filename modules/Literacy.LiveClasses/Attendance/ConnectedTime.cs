namespace Literacy.LiveClasses.Attendance;

/// <summary>
/// How long someone was in a class: the union of their connections, clipped to the class's time. Two phones, or a
/// reconnect that overlaps the dropped connection, count once; gaps while disconnected do not count.
/// </summary>
public static class ConnectedTime
{
    public static TimeSpan Within(IEnumerable<(DateTime From, DateTime To)> segments, DateTime start, DateTime end)
    {
        var total = TimeSpan.Zero;
        DateTime? runFrom = null, runTo = null;
        foreach (var (from, to) in segments
                     .Select(s => (From: s.From < start ? start : s.From, To: s.To > end ? end : s.To))
                     .Where(s => s.To > s.From)
                     .OrderBy(s => s.From))
        {
            if (runTo is { } t && from <= t)
            {
                runTo = to > t ? to : t;
                continue;
            }

            total += (runTo - runFrom) ?? TimeSpan.Zero;
            (runFrom, runTo) = (from, to);
        }

        return total + ((runTo - runFrom) ?? TimeSpan.Zero);
    }

    /// <summary>Whole minutes, rounded down: a credit rule of 45 minutes means 45 full minutes.</summary>
    public static int Minutes(IEnumerable<(DateTime From, DateTime To)> segments, DateTime start, DateTime end) =>
        (int)Within(segments, start, end).TotalMinutes;
}
