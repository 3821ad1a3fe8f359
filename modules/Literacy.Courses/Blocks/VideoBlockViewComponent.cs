using System.Text.Json;
using Literacy.Courses.Data;
using Literacy.Modules.Lessons;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Literacy.Courses.Blocks;

public sealed class VideoBlockViewComponent(CoursesDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(LessonBlock block)
    {
        var video = JsonSerializer.Deserialize<VideoDefinition>(block.Definition)!;
        var bytes = await db.Media.AsNoTracking()
            .Where(m => m.CourseId == block.CourseId && m.Version == block.Version && m.Path == video.Src)
            .Select(m => m.Length).FirstOrDefaultAsync();
        var baseUrl = $"/courses/{block.CourseId}/v/{block.Version}/";
        return View(new VideoModel(video.Title, baseUrl + video.Src, baseUrl + video.Captions, video.Src.EndsWith(".webm", StringComparison.Ordinal) ? "video/webm" : "video/mp4", bytes, block.Culture));
    }
}

public sealed record VideoModel(string Title, string Src, string Captions, string Type, long Bytes, string Culture);
