using Literacy.Modules.Lessons;

namespace Literacy.LiveClasses.Scheduling;

/// <summary>A slide deck written in Markdown, slides separated by a line with only <c>---</c>, rendered like lessons.</summary>
public static class SlideDeck
{
    public const int MaxSlides = 200;

    public static IReadOnlyList<string> Split(string markdown)
    {
        var slides = new List<string>();
        var current = new List<string>();
        foreach (var line in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.Trim() == "---")
            {
                slides.Add(string.Join('\n', current));
                current.Clear();
            }
            else
            {
                current.Add(line);
            }
        }

        slides.Add(string.Join('\n', current));
        return slides.Where(s => !string.IsNullOrWhiteSpace(s)).ToList();
    }

    public static int Count(string markdown) => Split(markdown).Count;

    public static IReadOnlyList<string> Render(string markdown) => Split(markdown).Select(SafeMarkdown.ToHtml).ToList();
}
