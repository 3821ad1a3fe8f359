using System.Text.Json;
using Literacy.Courses.Packages;
using Literacy.Modules.Lessons;

namespace Literacy.Courses.Blocks;

/// <summary>```video with src, captions and title: a video that never plays by itself, always with captions.</summary>
public sealed class VideoBlockType : ILessonBlockType
{
    public string Name => "video";

    public string Feature => CoursesModule.Id;

    public string ViewComponent => "VideoBlock";

    public BlockParseResult Parse(string text, BlockContext context)
    {
        var problems = new List<PackageProblem>();
        var values = new Dictionary<string, string>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                values[lines[i][..colon].Trim()] = lines[i][(colon + 1)..].Trim();
            }
            else if (lines[i].Trim().Length > 0)
            {
                problems.Add(CourseProblems.At(context.File, context.FirstLine + i, "A video block has lines of the form src: ..., captions: ..., title: ..."));
            }
        }

        var src = values.GetValueOrDefault("src");
        var captions = values.GetValueOrDefault("captions");
        var title = values.GetValueOrDefault("title");
        if (src is null || !(src.EndsWith(".mp4", StringComparison.Ordinal) || src.EndsWith(".webm", StringComparison.Ordinal)) || !context.MediaFiles.Contains(src))
        {
            problems.Add(CourseProblems.At(context.File, context.FirstLine, "The video needs src: an MP4 or WebM file in media/ ({0}).", src ?? "none given"));
        }

        if (captions is null || !captions.EndsWith(".vtt", StringComparison.Ordinal) || !context.MediaFiles.Contains(captions))
        {
            problems.Add(CourseProblems.At(context.File, context.FirstLine, "The video needs captions: a WebVTT (.vtt) file in media/ ({0}).", captions ?? "none given"));
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            problems.Add(CourseProblems.At(context.File, context.FirstLine, "The video needs a title saying what it shows."));
        }

        return problems.Count > 0
            ? new BlockParseResult(null, null, problems)
            : new BlockParseResult(null, JsonSerializer.Serialize(new VideoDefinition(src!, captions!, title!)), []);
    }
}

public sealed record VideoDefinition(string Src, string Captions, string Title);
