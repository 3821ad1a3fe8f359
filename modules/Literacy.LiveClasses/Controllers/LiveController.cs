using System.Globalization;
using System.Security.Claims;
using Literacy.LiveClasses.Classroom;
using Literacy.LiveClasses.Data;
using Literacy.LiveClasses.Scheduling;
using Literacy.Modules.Lessons;
using Literacy.Modules.Permissions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Literacy.LiveClasses.Controllers;

public sealed record ClassCard(
    string Id, string Title, string? CourseId, string? CourseTitle, string When, int Duration, int PlacesLeft,
    bool SignedUp, bool Teaching, bool RoomOpen, bool Ended, int? MyMinutes);

public sealed record LivePage(IReadOnlyList<ClassCard> Upcoming, IReadOnlyList<ClassCard> Past, bool CanSchedule, int OpensBeforeMinutes);

public sealed record ClassroomPage(LiveClass Class, string? CourseTitle, string When, IReadOnlyList<string> Slides, bool Trainer);

/// <summary>Learners find classes, take a place, enter the classroom and replay it afterwards.</summary>
[Route("live")]
public sealed class LiveController(
    LiveClassesDbContext db,
    LiveClassSchedule schedule,
    ClassAccess access,
    Classrooms classrooms,
    ICourseContent courses,
    PermissionCatalog permissions,
    TimeProvider clock,
    IOptions<LiveClassOptions> options,
    IStringLocalizer<LiveClassesModule> T) : Controller
{
    private string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    [HttpGet("")]
    [AllowAnonymous]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = UserId ?? string.Empty;
        var upcoming = await db.Classes.AsNoTracking().Where(c => c.EndedUtc == null && c.StartUtc > now.AddHours(-5))
            .OrderBy(c => c.StartUtc).Take(50)
            .Select(c => new { Class = c, Taken = c.SignUps.Count, Mine = c.SignUps.Any(s => s.UserId == userId) })
            .ToListAsync(cancellationToken);
        var past = userId.Length == 0 ? [] : await db.Classes.AsNoTracking()
            .Where(c => c.EndedUtc != null && (c.TrainerId == userId || c.SignUps.Any(s => s.UserId == userId)))
            .OrderByDescending(c => c.StartUtc).Take(20)
            .Select(c => new { Class = c, Taken = c.SignUps.Count, Mine = true })
            .ToListAsync(cancellationToken);
        var minutes = userId.Length == 0 ? [] : await db.Attendances.AsNoTracking().Where(a => a.UserId == userId).ToDictionaryAsync(a => a.ClassId, a => a.Minutes, cancellationToken);
        var titles = (await courses.TitlesAsync(CultureInfo.CurrentUICulture.Name, cancellationToken)).ToDictionary(t => t.Id, t => t.Title);

        ClassCard Card(LiveClass c, int taken, bool mine) => new(
            c.Id, c.Title, c.CourseId, c.CourseId is null ? null : titles.GetValueOrDefault(c.CourseId), When(c.StartUtc), c.DurationMinutes,
            Math.Max(0, c.Capacity - taken), mine, c.TrainerId == userId, now >= c.StartUtc - options.Value.OpensBefore,
            c.EndedUtc is not null, minutes.TryGetValue(c.Id, out var m) ? m : null);

        return View(new LivePage(
            upcoming.Select(x => Card(x.Class, x.Taken, x.Mine)).ToList(),
            past.Select(x => Card(x.Class, x.Taken, x.Mine)).ToList(),
            permissions.IsGranted(User, Permissions.ScheduleLiveClasses),
            (int)options.Value.OpensBefore.TotalMinutes));
    }

    [HttpPost("{classId}/signup")]
    [Authorize]
    public async Task<IActionResult> SignUp(string classId, CancellationToken cancellationToken)
    {
        var problem = await schedule.SignUpAsync(classId, UserId!, cancellationToken);
        if (problem is null)
        {
            TempData["Message"] = T["You have a place. Come back here when the class starts and press \"Enter the classroom\"."].Value;
        }
        else
        {
            TempData["Error"] = problem;
        }

        return Redirect($"/live#class-{classId}");
    }

    [HttpPost("{classId}/leave")]
    [Authorize]
    public async Task<IActionResult> Leave(string classId, CancellationToken cancellationToken)
    {
        await schedule.LeaveAsync(classId, UserId!, cancellationToken);
        TempData["Message"] = T["You have given back your place."].Value;
        return Redirect("/live");
    }

    /// <summary>The classroom page. The live parts come over SignalR; this page carries the slides and the controls.</summary>
    [HttpGet("{classId}")]
    [Authorize]
    public async Task<IActionResult> Classroom(string classId, CancellationToken cancellationToken)
    {
        var (c, role) = await access.FindAsync(classId, User, cancellationToken);
        if (c is null)
        {
            return NotFound();
        }

        if (role == ClassRole.None)
        {
            TempData["Error"] = T["You have not signed up for this class. Sign up on the live classes page first."].Value;
            return Redirect($"/live#class-{classId}");
        }

        if (c.EndedUtc is not null)
        {
            return Redirect($"/live/{classId}/replay");
        }

        var courseTitle = c.CourseId is null ? null : await courses.TitleAsync(c.CourseId, CultureInfo.CurrentUICulture.Name, cancellationToken);
        return View(new ClassroomPage(c, courseTitle, When(c.StartUtc), SlideDeck.Render(c.Slides), role == ClassRole.Trainer));
    }

    [HttpGet("{classId}/replay")]
    [Authorize]
    public async Task<IActionResult> Replay(string classId, CancellationToken cancellationToken)
    {
        var (c, role) = await access.FindAsync(classId, User, cancellationToken);
        if (c is null || role == ClassRole.None)
        {
            return NotFound();
        }

        if (c.EndedUtc is null)
        {
            TempData["Message"] = T["The replay is ready when the class has ended."].Value;
            return Redirect("/live");
        }

        var log = await classrooms.LogAsync(classId, cancellationToken);
        return View(new ReplayPage(c, When(c.StartUtc), ClassReplay.Build(SlideDeck.Render(c.Slides), log)));
    }

    private string When(DateTime utc) => schedule.When(utc);
}
