using Ganss.Xss;
using Markdig;

namespace Literacy.Modules.Lessons;

/// <summary>
/// The one way the platform turns authors' Markdown into HTML (lessons, live-class slides): Markdig with raw HTML
/// switched off, and the output sanitised all the same, images lazy-loaded, outside links without an opener.
/// </summary>
public static class SafeMarkdown
{
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder().UsePipeTables().UseEmphasisExtras().DisableHtml().Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToHtml(string markdown) => Sanitize(Markdown.ToHtml(markdown, Pipeline));

    public static string Sanitize(string html) => Sanitizer.Sanitize(html);

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedSchemes.Add("tel");
        sanitizer.AllowedAttributes.Add("loading");
        sanitizer.AllowedAttributes.Add("decoding");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "IMG" } img)
            {
                img.SetAttribute("loading", "lazy");
                img.SetAttribute("decoding", "async");
            }
            else if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } a && a.GetAttribute("href")?.StartsWith("http", StringComparison.Ordinal) == true)
            {
                a.SetAttribute("rel", "noopener noreferrer");
            }
        };
        return sanitizer;
    }
}
