using System.Globalization;
using Literacy.Modules.Lessons;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Literacy.Courses.Packages;

/// <summary>
/// Checks one lesson file (front matter, no HTML, alt text, media, blocks) and renders it with Markdig, raw HTML off,
/// the output sanitised. Rendering happens once per course version, at install.
/// </summary>
internal sealed class LessonCompiler(IReadOnlyDictionary<string, ILessonBlockType> blockTypes, IReadOnlyDictionary<string, byte[]> media)
{
    private readonly HashSet<string> mediaFiles = media.Keys.ToHashSet(StringComparer.Ordinal);

    private static readonly string[] ImageTypes = [".png", ".jpg", ".jpeg", ".webp"];

    // Detects HTML so that it can be refused with its line; the rendering pipeline below has HTML switched off.
    private static readonly MarkdownPipeline Detect = new MarkdownPipelineBuilder().UsePipeTables().UseEmphasisExtras().Build();
    private static MarkdownPipeline Render => SafeMarkdown.Pipeline;

    public CompiledLesson? Compile(string file, string culture, string text, string mediaBaseUrl, ISet<string> declaredBlocks, List<PackageProblem> problems)
    {
        var count = problems.Count;
        var (front, body, offset) = FrontMatter.Split(text);
        if (front is null)
        {
            problems.Add(CourseProblems.At(file, 1, "The lesson must start with front matter: ---, id, title, minutes, ---."));
            return null;
        }

        var id = front.GetValueOrDefault("id");
        var title = front.GetValueOrDefault("title");
        var minutesText = front.GetValueOrDefault("minutes");
        if (id is null || !ManifestReader.ItemId().IsMatch(id))
        {
            problems.Add(CourseProblems.At(file, 2, "The front matter needs an id of lower-case letters, digits or dashes."));
        }

        if (string.IsNullOrWhiteSpace(title) || title.Length > 100)
        {
            problems.Add(CourseProblems.At(file, 2, "The front matter needs a title of at most 100 characters."));
        }

        if (!int.TryParse(minutesText, out var minutes) || minutes < 1 || minutes > 600)
        {
            problems.Add(CourseProblems.At(file, 2, "The front matter needs minutes: a whole number from 1 to 600."));
        }

        var detected = Markdown.Parse(body, Detect);
        foreach (var html in detected.Descendants().Where(n => n is HtmlBlock or HtmlInline))
        {
            problems.Add(CourseProblems.At(file, html.Line + 1 + offset, "HTML is not allowed in lessons; write it in Markdown."));
        }

        var document = Markdown.Parse(body, Render);
        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage))
        {
            CheckImage(file, image, image.Line + 1 + offset, problems);
            if (image.Url is { } url && media.TryGetValue(url, out var picture) && ImageSize.Of(picture) is var (width, height))
            {
                image.GetAttributes().AddProperty("width", width.ToString(CultureInfo.InvariantCulture));
                image.GetAttributes().AddProperty("height", height.ToString(CultureInfo.InvariantCulture));
            }

            image.Url = image.Url?.StartsWith("media/", StringComparison.Ordinal) == true ? $"{mediaBaseUrl}/{image.Url["media/".Length..]}" : image.Url;
        }

        // The page shows the front matter's title as its heading; a leading "# Title" in the text would repeat it.
        if (document.FirstOrDefault() is HeadingBlock { Level: 1 } heading)
        {
            document.Remove(heading);
        }

        var parts = new List<LessonPart>();
        var blocks = new List<CompiledBlock>();
        var pending = new List<Block>();
        foreach (var block in document.ToList())
        {
            if (block is FencedCodeBlock fence && fence.Info is { Length: > 0 } info && (blockTypes.ContainsKey(info) || declaredBlocks.Contains(info)))
            {
                Flush(pending, parts);
                var compiled = CompileBlock(file, culture, id ?? "lesson", fence, info, offset, declaredBlocks, blocks.Count, problems);
                if (compiled is not null)
                {
                    blocks.Add(compiled);
                    parts.Add(new LessonPart(null, compiled.Id, compiled.Type));
                }
            }
            else
            {
                pending.Add(block);
            }
        }

        Flush(pending, parts);
        return problems.Count > count ? null : new CompiledLesson(id!, culture, title!, minutes, parts, blocks);
    }

    private CompiledBlock? CompileBlock(string file, string culture, string lessonId, FencedCodeBlock fence, string type, int offset, ISet<string> declared, int index, List<PackageProblem> problems)
    {
        var line = fence.Line + 1 + offset;
        if (!declared.Contains(type))
        {
            problems.Add(CourseProblems.At(file, line, "The lesson uses a \"{0}\" block; list \"{1}\" in \"blocks\" in course.json.", type, type));
            return null;
        }

        if (!blockTypes.TryGetValue(type, out var blockType))
        {
            return null; // reported once for the course: no enabled feature provides it
        }

        var result = blockType.Parse(fence.Lines.ToString(), new BlockContext(file, line + 1, culture, mediaFiles));
        problems.AddRange(result.Problems);
        return result.Problems.Count > 0 ? null : new CompiledBlock(result.Id ?? $"{lessonId}-{type}-{index + 1}", type, result.Definition!);
    }

    private void CheckImage(string file, LinkInline image, int line, List<PackageProblem> problems)
    {
        var alt = string.Concat(image.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
        if (string.IsNullOrWhiteSpace(alt))
        {
            problems.Add(CourseProblems.At(file, line, "The image needs alt text saying what it shows: ![what it shows](media/file.png)."));
        }

        var url = image.Url ?? string.Empty;
        if (!url.StartsWith("media/", StringComparison.Ordinal))
        {
            problems.Add(CourseProblems.At(file, line, "Images must come from the package's media folder, not \"{0}\".", url));
        }
        else if (!mediaFiles.Contains(url))
        {
            problems.Add(CourseProblems.At(file, line, "The image {0} is not in the package.", url));
        }
        else if (!ImageTypes.Contains(Path.GetExtension(url).ToLowerInvariant()))
        {
            problems.Add(CourseProblems.At(file, line, "{0} is not a PNG, JPEG or WebP image.", url));
        }
    }

    private static void Flush(List<Block> pending, List<LessonPart> parts)
    {
        if (pending.Count == 0)
        {
            return;
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Render.Setup(renderer);
        foreach (var block in pending)
        {
            renderer.Render(block);
        }

        parts.Add(new LessonPart(SafeMarkdown.Sanitize(writer.ToString())));
        pending.Clear();
    }
}
