namespace Literacy.Insights.Figures;

/// <summary>A figure as it may be shown: a protected number, or null where it is held back ("fewer than 5").</summary>
public sealed record Shown(long? Value)
{
    public static Shown Held { get; } = new((long?)null);

    public bool IsHeld => Value is null;
}

public sealed record ShownRow(string Key, IReadOnlyList<Shown> Cells);

/// <summary>A table as it may be shown: rows keyed by dimension code, columns by measure. Every chart and CSV file is drawn from one.</summary>
public sealed record InsightTable(string Id, Dimension Dimension, IReadOnlyList<Measure> Columns, IReadOnlyList<ShownRow> Rows)
{
    public Shown Cell(string key, Measure measure) =>
        Rows.FirstOrDefault(r => r.Key == key) is { } row && Columns.ToList().IndexOf(measure) is var i and >= 0 ? row.Cells[i] : Shown.Held;
}

/// <summary>
/// The privacy rule, in one place (docs/insights.md explains it to readers):
/// 1. a figure about 1 to 4 learners is held back, shown as "fewer than 5";
/// 2. every other count and sum is rounded to the nearest 5, so that subtracting figures of different filters (a total minus
///    the other cells, one filter minus a narrower one) leaves an uncertainty of several learners, never one person;
/// 3. where a column holds exactly one held-back cell, the next smallest cell is held back too, so the total minus the
///    others does not give it;
/// 4. a row whose learners are held back is held back whole (even its zeros);
/// 5. rates are worked out from the rounded figures shown beside them, and only when both are shown.
/// </summary>
public static class Disclosure
{
    public const int Threshold = 5;

    public static long Round(long value) => (long)Math.Round(value / (double)Threshold, MidpointRounding.AwayFromZero) * Threshold;

    public static Shown Protect(Exact exact) =>
        exact.Learners is > 0 and < Threshold ? Shown.Held : new Shown(Round(exact.Value));

    public static InsightTable Table(string id, Dimension dimension, IReadOnlyList<Measure> columns, IReadOnlyList<ExactRow> rows)
    {
        var shown = rows.Select(r => columns.Select(m => r.Cells.TryGetValue(m, out var e) ? Protect(e) : Shown.Held).ToArray()).ToList();
        for (var c = 0; c < columns.Count && rows.Count > 1; c++)
        {
            var column = c;
            var exactOf = (int row) => rows[row].Cells.TryGetValue(columns[column], out var e) ? e : default;
            if (shown.Count(r => r[column].IsHeld) == 1
                && Enumerable.Range(0, rows.Count).Where(r => !shown[r][column].IsHeld && exactOf(r).Learners > 0).OrderBy(r => exactOf(r).Value).ThenBy(r => r).FirstOrDefault(-1) is var next and >= 0)
            {
                shown[next][column] = Shown.Held;
            }
        }

        // A row about fewer than 5 learners says nothing at all: even "0 credits" would tell something about those few.
        var population = Math.Max(IndexOf(columns, Measure.Reached), IndexOf(columns, Measure.Answered));
        foreach (var row in shown.Where(r => population >= 0 && r[population].IsHeld))
        {
            Array.Fill(row, Shown.Held);
        }

        foreach (var row in shown)
        {
            Rate(columns, row, Measure.CompletionRate, Measure.Completions, Measure.Enrolments);
            Rate(columns, row, Measure.MissRate, Measure.Missed, Measure.Answered);
        }

        return new InsightTable(id, dimension, columns, [.. rows.Select((r, i) => new ShownRow(r.Key, shown[i]))]);
    }

    /// <summary>A percentage of two shown (rounded) figures; held back unless both are shown and the base is not zero.</summary>
    private static void Rate(IReadOnlyList<Measure> columns, Shown[] row, Measure rate, Measure part, Measure whole)
    {
        var (r, p, w) = (IndexOf(columns, rate), IndexOf(columns, part), IndexOf(columns, whole));
        if (r < 0 || p < 0 || w < 0)
        {
            return;
        }

        row[r] = row[p].Value is { } a && row[w].Value is { } b and > 0 ? new Shown((long)Math.Round(100.0 * a / b, MidpointRounding.AwayFromZero)) : Shown.Held;
    }

    private static int IndexOf(IReadOnlyList<Measure> columns, Measure measure)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i] == measure)
            {
                return i;
            }
        }

        return -1;
    }
}
