namespace Literacy.Insights.Figures;

/// <summary>One bar: a protected figure, or held back.</summary>
public sealed record Bar(string Label, long? Value, string Text);

/// <summary>A horizontal bar chart drawn on the server as SVG, with a title and a description for screen readers.</summary>
public sealed record BarChart(string Id, string Title, string Description, IReadOnlyList<Bar> Bars)
{
    public long Max => Math.Max(1, Bars.Max(b => b.Value ?? 0));

    public static BarChart Of(InsightTable table, Measure measure, LabelBook labels, string description)
    {
        var column = table.Columns.ToList().IndexOf(measure);
        return new BarChart(
            $"chart-{table.Id}",
            $"{labels.Table(table)}: {labels.Measure(measure)}",
            description,
            [.. table.Rows.Select(r => new Bar(labels.Row(table.Dimension, r.Key), r.Cells[column].Value, labels.Cell(measure, r.Cells[column])))]);
    }
}

/// <summary>A table with, optionally, its chart beside it and where to download it as CSV.</summary>
public sealed record TableBlock(InsightTable Table, LabelBook Labels, string CsvUrl, BarChart? Chart);
