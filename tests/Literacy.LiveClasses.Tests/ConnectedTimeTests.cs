using Literacy.LiveClasses.Attendance;

namespace Literacy.LiveClasses.Tests;

public sealed class ConnectedTimeTests
{
    private static readonly DateTime Start = new(2026, 11, 24, 6, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime End = Start.AddMinutes(60);

    private static (DateTime, DateTime) Span(int from, int to) => (Start.AddMinutes(from), Start.AddMinutes(to));

    [Fact]
    public void Dropped_segments_add_up_and_the_gap_while_offline_does_not_count() =>
        Assert.Equal(50, ConnectedTime.Minutes([Span(0, 20), Span(25, 55)], Start, End));

    [Fact]
    public void Overlapping_connections_from_two_phones_or_a_slow_goodbye_count_once() =>
        Assert.Equal(40, ConnectedTime.Minutes([Span(0, 30), Span(10, 40), Span(15, 20)], Start, End));

    [Fact]
    public void Time_before_the_start_and_after_the_end_does_not_count() =>
        Assert.Equal(20, ConnectedTime.Minutes([Span(-30, 10), Span(50, 90)], Start, End));

    [Fact]
    public void Part_minutes_are_rounded_down_and_nothing_is_zero() =>
        Assert.Equal((44, 0), (ConnectedTime.Minutes([(Start, Start.AddSeconds(44 * 60 + 59))], Start, End), ConnectedTime.Minutes([], Start, End)));
}
