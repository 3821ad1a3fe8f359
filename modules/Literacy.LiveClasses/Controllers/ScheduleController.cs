using System.Globalization;
using System.Security.Claims;
using Literacy.LiveClasses.Scheduling;
using Literacy.Modules.Audit;
using Literacy.Modules.Lessons;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Literacy.LiveClasses.Controllers;

public sealed record ScheduleForm(string? ClassId, ClassRequest Request, IReadOnlyList<(string Id, string Title)> Courses, string Zone, IReadOnlyList<string> Problems);

/// <summary>A trainer schedules a class, changes it, or cancels it before it starts.</summary>
[Authorize(Policy = Permissions.ScheduleLiveClasses)]
[Route("live")]
public sealed class ScheduleController(LiveClassSchedule schedule, ClassAccess access, ICourseContent courses, IAuditTrail audit, TimeProvider clock, IStringLocalizer<LiveClassesModule> T) : Controller
{
    private const string Example = "# Welcome\n\nToday we learn ...\n\n---\n\n# Step 1\n\n...";

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken)
    {
        var tomorrow = schedule.ToLocal(clock.GetUtcNow().UtcDateTime).Date.AddDays(1).AddHours(14);
        return View("Edit", await FormAsync(null, new ClassRequest(null, null, tomorrow.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture), 60, 30, Example), [], cancellationToken));
    }

    [HttpPost("new")]
    public Task<IActionResult> Create(ClassRequest request, CancellationToken cancellationToken) => SaveAsync(null, request, cancellationToken);

    [HttpGet("{classId}/edit")]
    public async Task<IActionResult> Edit(string classId, CancellationToken cancellationToken)
    {
        var (c, role) = await access.FindAsync(classId, User, cancellationToken);
        if (c is null || role != ClassRole.Trainer)
        {
            return NotFound();
        }

        var start = schedule.ToLocal(c.StartUtc).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        return View(await FormAsync(classId, new ClassRequest(c.Title, c.CourseId, start, c.DurationMinutes, c.Capacity, c.Slides), [], cancellationToken));
    }

    [HttpPost("{classId}/edit")]
    public async Task<IActionResult> Update(string classId, ClassRequest request, CancellationToken cancellationToken)
    {
        var (c, role) = await access.FindAsync(classId, User, cancellationToken);
        return c is null || role != ClassRole.Trainer ? NotFound() : await SaveAsync(classId, request, cancellationToken);
    }

    [HttpPost("{classId}/cancel")]
    public async Task<IActionResult> Cancel(string classId, CancellationToken cancellationToken)
    {
        var (c, role) = await access.FindAsync(classId, User, cancellationToken);
        if (c is null || role != ClassRole.Trainer)
        {
            return NotFound();
        }

        if (await schedule.CancelAsync(c, cancellationToken))
        {
            await audit.RecordAsync("live-class.cancelled", classId, c.Title, cancellationToken);
            TempData["Message"] = T["The class \"{0}\" is cancelled.", c.Title].Value;
        }
        else
        {
            TempData["Error"] = T["A class that has started cannot be cancelled. End it in the classroom."].Value;
        }

        return Redirect("/live");
    }

    private async Task<IActionResult> SaveAsync(string? classId, ClassRequest request, CancellationToken cancellationToken)
    {
        var result = await schedule.SaveAsync(classId, User.FindFirstValue(ClaimTypes.NameIdentifier)!, request, cancellationToken);
        if (!result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Edit", await FormAsync(classId, request, result.Problems, cancellationToken));
        }

        await audit.RecordAsync(classId is null ? "live-class.scheduled" : "live-class.changed", result.ClassId!, request.Title, cancellationToken);
        TempData["Message"] = T["The class is scheduled. Learners can sign up on the live classes page; the join link is below."].Value;
        return Redirect($"/live#class-{result.ClassId}");
    }

    private async Task<ScheduleForm> FormAsync(string? classId, ClassRequest request, IReadOnlyList<string> problems, CancellationToken cancellationToken) =>
        new(classId, request, await courses.TitlesAsync(CultureInfo.CurrentUICulture.Name, cancellationToken), schedule.ZoneLabel, problems);
}
