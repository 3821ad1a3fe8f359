using System.Text;

namespace Literacy.Insights.Figures;

/// <summary>A table as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read Chinese): the same protected cells as the page.</summary>
public static class CsvExport
{
    public static byte[] Write(InsightTable table, LabelBook labels)
    {
        var csv = new StringBuilder();
        Line(csv, [labels.Dimension(table.Dimension), .. table.Columns.Select(labels.Measure)]);
        foreach (var row in table.Rows)
        {
            Line(csv, [labels.Row(table.Dimension, row.Key), .. row.Cells.Select((c, i) => labels.Cell(table.Columns[i], c))]);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static void Line(StringBuilder csv, IEnumerable<string> fields) =>
        csv.Append(string.Join(',', fields.Select(f => f.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{f.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : f))).Append("\r\n");
}
