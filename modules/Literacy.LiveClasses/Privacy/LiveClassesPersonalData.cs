using Literacy.LiveClasses.Classroom;
using Literacy.LiveClasses.Data;
using Literacy.Modules.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Literacy.LiveClasses.Privacy;

/// <summary>
/// A person's class sign-ups, attendance and what they did in classrooms (chat, hands, poll answers). Erasing deletes the
/// first two and rewrites the person's classroom events with a random stand-in and no name or words, so that a replay
/// keeps its shape (the poll counts stay right) but shows nothing of them.
/// </summary>
public sealed class LiveClassesPersonalData(LiveClassesDbContext db, IStringLocalizer<LiveClassesModule> T) : IPersonalData
{
    public async Task<PersonalDataPart> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var signUps = await db.SignUps.AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.SignedUpUtc)
            .Join(db.Classes, s => s.ClassId, c => c.Id, (s, c) => new { c.Title, c.StartUtc, s.SignedUpUtc }).ToListAsync(cancellationToken);
        var attended = await db.Attendances.AsNoTracking().Where(a => a.UserId == userId)
            .Join(db.Classes, a => a.ClassId, c => c.Id, (a, c) => new { c.Title, a.Minutes, a.FirstJoinedUtc, a.LastLeftUtc }).ToListAsync(cancellationToken);
        var said = (await EventsOf(userId).Where(e => e.Kind == "chat-posted")
                .Join(db.Classes, e => e.ClassId, c => c.Id, (e, c) => new { c.Title, e.AtUtc, e.Data }).ToListAsync(cancellationToken))
            .Select(e => (e.Title, e.AtUtc, Event: ClassEvent.FromJson(e.Data)))
            .Where(e => e.Event is ChatPosted p && p.UserId == userId)
            .Select(e => new { e.Title, e.AtUtc, ((ChatPosted)e.Event).Text })
            .ToList();
        return new PersonalDataPart("live-classes", T["Live classes"], [
            PersonalDataTables.Of("sign-ups", T["Classes you signed up for"], signUps,
                new("class", T["Class"], s => s.Title),
                new("starts", T["Starts (UTC)"], s => s.StartUtc),
                new("signed-up", T["Signed up (UTC)"], s => s.SignedUpUtc)),
            PersonalDataTables.Of("attendance", T["Classes you attended"], attended,
                new("class", T["Class"], a => a.Title),
                new("minutes", T["Minutes"], a => a.Minutes),
                new("joined", T["First joined (UTC)"], a => a.FirstJoinedUtc),
                new("left", T["Last left (UTC)"], a => a.LastLeftUtc)),
            PersonalDataTables.Of("chat", T["What you wrote in class chats"], said,
                new("class", T["Class"], c => c.Title),
                new("at", T["When (UTC)"], c => c.AtUtc),
                new("text", T["Message"], c => c.Text)),
        ]);
    }

    public async Task EraseAsync(string userId, CancellationToken cancellationToken)
    {
        await db.SignUps.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Segments.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Attendances.Where(a => a.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        var standIn = $"erased:{Guid.NewGuid():N}";
        string Other(string id) => id == userId ? standIn : id;
        foreach (var row in await EventsOf(userId).ToListAsync(cancellationToken))
        {
            row.Data = (ClassEvent.FromJson(row.Data) switch
            {
                ChatPosted p when p.UserId == userId => p with { UserId = standIn, Name = string.Empty, Text = string.Empty },
                HandRaised h when h.UserId == userId => h with { UserId = standIn, Name = string.Empty },
                ChatMuted m => m with { UserId = Other(m.UserId) },
                ChatRemoved r => r with { ByUserId = Other(r.ByUserId) },
                HandLowered h => h with { UserId = Other(h.UserId), ByUserId = Other(h.ByUserId) },
                PollAnswered a => a with { UserId = Other(a.UserId) },
                var other => other,
            }).ToJson();
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Classroom events that may name the person: their id is in the event's JSON (ids are GUIDs, so this finds no one else).</summary>
    private IQueryable<ClassEventRow> EventsOf(string userId) => db.Events.Where(e => e.Data.Contains(userId));
}
