using Literacy.Courses.Packages;
using Literacy.Modules.Features;
using Literacy.Modules.Lessons;

namespace Literacy.Courses.Lessons;

/// <summary>One part of a lesson page: rendered HTML, or a block with the view component that shows it (null if its feature is off).</summary>
public sealed record PagePart(string? Html, LessonBlock? Block, string? ViewComponent);

public sealed record LessonView(
    CourseManifest Course, string Version, LessonPage Lesson, IReadOnlyList<PagePart> Parts,
    (string Id, string Title)? Previous, (string Id, string Title)? Next, int Number, bool Done, bool Preview);

/// <summary>Puts a lesson page together for the learner's view and for an administrator's preview of a draft.</summary>
public sealed class LessonPages(PublishedCourses courses, IEnumerable<ILessonBlockType> blockTypes, SiteState site)
{
    public async Task<LessonView?> BuildAsync(CourseManifest manifest, string version, string lessonId, string culture, bool done, bool preview, CancellationToken cancellationToken)
    {
        var lesson = await courses.LessonAsync(manifest.Id, version, lessonId, culture, cancellationToken);
        if (lesson is null)
        {
            return null;
        }

        var types = blockTypes.Where(b => site.IsEnabled(b.Feature)).ToDictionary(b => b.Name);
        var parts = new List<PagePart>();
        foreach (var part in lesson.Parts)
        {
            if (part.Html is not null)
            {
                parts.Add(new PagePart(part.Html, null, null));
                continue;
            }

            var block = await courses.BlockAsync(manifest.Id, version, part.BlockId!, lesson.Culture, cancellationToken);
            parts.Add(new PagePart(null, block, block is not null && types.TryGetValue(block.Type, out var type) ? type.ViewComponent : null));
        }

        var outline = await courses.OutlineAsync(manifest.Id, version, culture, cancellationToken);
        var index = outline.ToList().FindIndex(o => o.Id == lessonId);
        (string, string)? previous = index > 0 ? (outline[index - 1].Id, outline[index - 1].Title) : null;
        (string, string)? next = index >= 0 && index + 1 < outline.Count ? (outline[index + 1].Id, outline[index + 1].Title) : null;
        return new LessonView(manifest, version, lesson, parts, previous, next, index + 1, done, preview);
    }
}
