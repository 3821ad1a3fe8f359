using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Literacy.Notifications.Sending;

/// <summary>The plain-text part of an email, made from its HTML: paragraphs as lines, links written out in full.</summary>
public static class PlainText
{
    private static readonly HashSet<string> Blocks = ["P", "DIV", "H1", "H2", "H3", "LI", "TR", "TABLE", "UL", "OL", "BR", "HR", "FOOTER", "SECTION"];

    public static string From(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var text = new StringBuilder();
        Write(document.Body!, text);
        var lines = text.ToString().Split('\n').Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        // At most one blank line in a row.
        var result = new StringBuilder();
        var blank = true;
        foreach (var line in lines)
        {
            if (line.Length == 0 && blank)
            {
                continue;
            }

            result.Append(line).Append("\r\n");
            blank = line.Length == 0;
        }

        return result.ToString().TrimEnd() + "\r\n";
    }

    private static void Write(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    text.Append(t.Data.Replace('\n', ' ').Replace('\r', ' '));
                    break;
                case IElement { TagName: "STYLE" or "SCRIPT" or "HEAD" }:
                    break;
                case IElement { TagName: "A" } a when a.GetAttribute("href") is { Length: > 0 } href:
                    var label = a.TextContent.Trim();
                    text.Append(label == href ? href : $"{label}: {href}");
                    break;
                case IElement e:
                    var block = Blocks.Contains(e.TagName);
                    if (block)
                    {
                        text.Append('\n');
                    }

                    if (e.TagName == "LI")
                    {
                        text.Append("- ");
                    }

                    Write(e, text);
                    if (block)
                    {
                        text.Append(e.TagName is "P" or "H1" or "H2" or "H3" or "UL" or "OL" or "TABLE" ? "\n\n" : "\n");
                    }

                    break;
            }
        }
    }
}
