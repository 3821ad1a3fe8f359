using System.Globalization;
using System.Security.Cryptography;
using Literacy.Data;
using Literacy.LiveClasses.Data;
using Literacy.Modules.Lessons;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Literacy.LiveClasses.Scheduling;

/// <summary>What a trainer fills in to schedule a class. Start is local time in the site's time zone (yyyy-MM-ddTHH:mm).</summary>
public sealed record ClassRequest(string? Title, string? CourseId, string? Start, int? Duration, int? Capacity, string? Slides);

public sealed record ScheduleResult(string? ClassId, IReadOnlyList<string> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>Scheduling, editing and cancelling classes, and learners taking and giving back places.</summary>
public sealed class LiveClassSchedule(
    LiveClassesDbContext db,
    GroupCommit<LiveClassesDbContext> writer,
    ICourseContent courses,
    TimeProvider clock,
    IOptions<LiveClassOptions> options,
    IStringLocalizer<LiveClassesModule> T)
{
    public const int MaxCapacity = 1000;

    public DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), options.Value.Zone);

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), options.Value.Zone);

    /// <summary>The site's time zone as an offset, e.g. "UTC+08:00", for the schedule form.</summary>
    public string ZoneLabel
    {
        get
        {
            var offset = options.Value.Zone.GetUtcOffset(clock.GetUtcNow());
            return $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm}";
        }
    }

    /// <summary>A class's time as people say it: "11月24日 星期二 14:00", "November 24 Tuesday 14:00".</summary>
    public string When(DateTime utc)
    {
        var local = ToLocal(utc);
        var culture = CultureInfo.CurrentCulture;
        return $"{local.ToString(culture.DateTimeFormat.MonthDayPattern, culture)} {local.ToString("dddd", culture)} {local:HH:mm}";
    }

    public async Task<ScheduleResult> SaveAsync(string? classId, string trainerId, ClassRequest request, CancellationToken cancellationToken)
    {
        var existing = classId is null ? null : await db.Classes.FirstOrDefaultAsync(c => c.Id == classId, cancellationToken);
        var problems = await CheckAsync(existing, request, cancellationToken);
        if (problems.Count > 0)
        {
            return new ScheduleResult(null, problems);
        }

        var c = existing ?? new LiveClass { Id = NewId(), Title = "", TrainerId = trainerId, Slides = "", CreatedUtc = clock.GetUtcNow().UtcDateTime };
        c.Title = request.Title!.Trim();
        c.CourseId = string.IsNullOrWhiteSpace(request.CourseId) ? null : request.CourseId.Trim();
        c.StartUtc = ToUtc(ParseStart(request.Start)!.Value);
        c.DurationMinutes = request.Duration!.Value;
        c.Capacity = request.Capacity!.Value;
        c.Slides = request.Slides!.ReplaceLineEndings("\n");
        if (existing is null)
        {
            db.Classes.Add(c);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ScheduleResult(c.Id, []);
    }

    /// <summary>Cancels a class that has not started: it and its sign-ups go. A class that has begun keeps its log.</summary>
    public async Task<bool> CancelAsync(LiveClass c, CancellationToken cancellationToken)
    {
        if (c.StartUtc <= clock.GetUtcNow().UtcDateTime || await db.Events.AnyAsync(e => e.ClassId == c.Id, cancellationToken))
        {
            return false;
        }

        await db.SignUps.Where(s => s.ClassId == c.Id).ExecuteDeleteAsync(cancellationToken);
        await db.Classes.Where(x => x.Id == c.Id).ExecuteDeleteAsync(cancellationToken);
        return true;
    }

    /// <summary>Takes a place in a class. Null when it worked, else why not.</summary>
    public async Task<string?> SignUpAsync(string classId, string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Through the single writer, so two learners cannot both take the last place. The words are chosen here, in
        // the learner's language: the writer runs on its own thread.
        var refusal = await writer.RunAsync<string?>(async w =>
        {
            var c = await w.Classes.AsNoTracking().FirstOrDefaultAsync(x => x.Id == classId);
            if (c is null)
            {
                return "There is no such class.";
            }

            if (c.EndedUtc is not null || c.ScheduledEndUtc <= now)
            {
                return "This class is over.";
            }

            if (c.TrainerId == userId)
            {
                return "You teach this class.";
            }

            if (await w.SignUps.AnyAsync(s => s.ClassId == classId && s.UserId == userId))
            {
                return null; // already in: signing up twice is the same as once
            }

            if (await w.SignUps.CountAsync(s => s.ClassId == classId) >= c.Capacity)
            {
                return "Sorry, this class is full.";
            }

            w.SignUps.Add(new SignUp { ClassId = classId, UserId = userId, SignedUpUtc = now });
            await w.SaveChangesAsync();
            return null;
        }, cancellationToken);
        return refusal is null ? null : T[refusal].Value;
    }

    public Task LeaveAsync(string classId, string userId, CancellationToken cancellationToken) =>
        db.SignUps.Where(s => s.ClassId == classId && s.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    private async Task<List<string>> CheckAsync(LiveClass? existing, ClassRequest r, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (existing?.EndedUtc is not null)
        {
            problems.Add(T["This class has ended and can no longer be changed."]);
            return problems;
        }

        if (string.IsNullOrWhiteSpace(r.Title) || r.Title.Trim().Length > 120)
        {
            problems.Add(T["Please give the class a title of at most 120 characters."]);
        }

        if (!string.IsNullOrWhiteSpace(r.CourseId) && await courses.TitleAsync(r.CourseId.Trim(), CultureInfo.CurrentUICulture.Name, cancellationToken) is null)
        {
            problems.Add(T["The related course must be a published course."]);
        }

        var start = ParseStart(r.Start);
        var now = clock.GetUtcNow().UtcDateTime;
        if (start is null)
        {
            problems.Add(T["Please give the date and time the class starts."]);
        }
        else if (ToUtc(start.Value) < now.AddMinutes(-5) && (existing is null || ToUtc(start.Value) != existing.StartUtc))
        {
            problems.Add(T["The start time has already passed."]);
        }

        if (r.Duration is not (>= 15 and <= 240))
        {
            problems.Add(T["The class must last from 15 to 240 minutes."]);
        }

        var signedUp = existing is null ? 0 : await db.SignUps.CountAsync(s => s.ClassId == existing.Id, cancellationToken);
        if (r.Capacity is not (>= 1 and <= MaxCapacity))
        {
            problems.Add(T["Places must be from 1 to {0}.", MaxCapacity]);
        }
        else if (r.Capacity < signedUp)
        {
            problems.Add(T["{0} learners have already signed up; places cannot be fewer.", signedUp]);
        }

        if (string.IsNullOrWhiteSpace(r.Slides) || r.Slides.Length > 100_000)
        {
            problems.Add(T["Please write at least one slide (at most 100,000 characters in all)."]);
        }
        else if (SlideDeck.Count(r.Slides) > SlideDeck.MaxSlides)
        {
            problems.Add(T["A class can have at most {0} slides.", SlideDeck.MaxSlides]);
        }

        return problems;
    }

    private static DateTime? ParseStart(string? start) =>
        DateTime.TryParseExact(start, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;

    /// <summary>A short id for the join link: ten letters and digits, hard to guess.</summary>
    private static string NewId() => RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyz23456789", 10);
}
