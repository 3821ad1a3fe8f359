using System.Security.Claims;
using Literacy.LiveClasses.Attendance;
using Literacy.LiveClasses.Data;
using Literacy.LiveClasses.Scheduling;
using Literacy.Modules.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Literacy.LiveClasses.Classroom;

/// <summary>
/// The live classroom at /hubs/classroom. A connection joins one class; every method checks that it has, and the
/// trainer's methods that it is the class's trainer (or an administrator). A refusal is a <see cref="HubException"/>
/// with a plain message for that caller alone; the class goes on for everyone else.
/// </summary>
[Authorize]
public sealed class ClassroomHub(
    Classrooms classrooms,
    AttendanceLog attendance,
    ClassEnding ending,
    ChatLimiter chatLimiter,
    LiveClassesDbContext db,
    ClassAccess access,
    IPeople people,
    TimeProvider clock,
    IOptions<LiveClassOptions> options,
    IStringLocalizer<LiveClassesModule> T) : Hub<IClassroomClient>
{
    public static string Everyone(string classId) => $"class:{classId}";

    public static string Staff(string classId) => $"class:{classId}:staff";

    public static string Learners(string classId) => $"class:{classId}:learners";

    public static string One(string classId, string userId) => $"class:{classId}:user:{userId}";

    private string UserId => Context.UserIdentifier ?? throw new HubException(T["Please sign in again."]);

    /// <summary>
    /// Enters a class and returns the room as it is. The checks and the snapshot take the class's lock only briefly;
    /// the attendance write and the group membership happen outside it, so a thousand phones coming back after a
    /// network drop are let in together. The connection joins its groups before the snapshot is taken, so it misses
    /// nothing in between (the page applies what arrives while it waits after the snapshot).
    /// </summary>
    public async Task<ClassroomSnapshot> Join(string classId)
    {
        classId = (classId ?? string.Empty)[..Math.Min(classId?.Length ?? 0, 20)];
        var userId = UserId;
        var now = clock.GetUtcNow().UtcDateTime;
        var signedUp = await db.SignUps.AnyAsync(s => s.ClassId == classId && s.UserId == userId, Context.ConnectionAborted);
        var entry = await classrooms.InRoomAsync(classId, room =>
        {
            var c = room.Class;
            var staff = access.Teaches(c, Context.User!);
            if (!staff && !signedUp)
            {
                throw new HubException(T["You have not signed up for this class. Sign up on the live classes page first."]);
            }

            if (!staff && !room.State.Ended && now < c.StartUtc - options.Value.OpensBefore)
            {
                throw new HubException(T["The classroom opens {0} minutes before the class starts.", (int)options.Value.OpensBefore.TotalMinutes]);
            }

            if (!staff && !room.State.Ended && !attendance.IsPresent(c.Id, userId) && attendance.LearnersPresent(c.Id) >= c.Capacity)
            {
                throw new HubException(T["The class is full."]);
            }

            return Task.FromResult<(LiveClass Class, bool Staff, bool Ended)?>((c, staff, room.State.Ended));
        }, Context.ConnectionAborted) ?? throw new HubException(T["There is no such class."]);
        var (joined, isStaff, ended) = entry;
        if (ended)
        {
            return new ClassroomSnapshot(classId, userId, false, 0, 0, [], false, false, null, null, null, Ended: true);
        }

        var name = (await people.FindAsync([userId], Context.ConnectionAborted)).GetValueOrDefault(userId)?.DisplayName ?? "?";
        await attendance.JoinAsync(Context.ConnectionId, classId, userId, name, isStaff);
        await Groups.AddToGroupAsync(Context.ConnectionId, Everyone(classId));
        await Groups.AddToGroupAsync(Context.ConnectionId, isStaff ? Staff(classId) : Learners(classId));
        await Groups.AddToGroupAsync(Context.ConnectionId, One(classId, userId));
        var participants = isStaff ? await ParticipantsAsync(joined) : null;
        return await classrooms.InRoomAsync(classId, room =>
        {
            var s = room.State;
            if (!isStaff)
            {
                room.Send(c => c.Group(Staff(classId)).ParticipantJoined(new ParticipantView(userId, name, s.IsMuted(userId))));
            }

            return Task.FromResult(new ClassroomSnapshot(
                classId, userId, isStaff, s.Slide, room.SlideCount, s.Chat.ToList(), s.IsMuted(userId), s.HasHandUp(userId), s.PollFor(userId, isStaff),
                isStaff ? s.Hands.ToList() : null,
                participants?.Select(p => p with { Muted = s.IsMuted(p.UserId) }).ToList(),
                s.Ended));
        }, Context.ConnectionAborted) ?? throw new HubException(T["There is no such class."]);
    }

    public Task ShowSlide(int index) => AsTrainerAsync(async (room, classId) =>
    {
        if (index < 0 || index >= room.SlideCount)
        {
            throw new HubException(T["There is no such slide."]);
        }

        await room.AppendAsync(new SlideShown(index));
        room.Send(c => c.Group(Everyone(classId)).SlideChanged(index));
    });

    public Task SendChat(string text) => InClassAsync(async (room, me) =>
    {
        text = (text ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            throw new HubException(T["Please write a message first."]);
        }

        if (text.Length > LiveClassOptions.MaxChatLength)
        {
            throw new HubException(T["A message can be at most {0} characters.", LiveClassOptions.MaxChatLength]);
        }

        if (!me.Staff && room.State.IsMuted(me.UserId))
        {
            throw new HubException(T["The trainer has turned off your chat for now."]);
        }

        if (!me.Staff && !chatLimiter.TryTake(me.ClassId, me.UserId))
        {
            throw new HubException(T["You are sending messages too quickly. Please wait a few seconds."]);
        }

        var logged = await room.AppendAsync(new ChatPosted(me.UserId, me.Name, text));
        room.Send(c => c.Group(Everyone(me.ClassId)).ChatPosted(new ChatLine(logged.Sequence, me.UserId, me.Name, text, logged.AtUtc)));
    });

    public Task RemoveChat(int messageId) => AsTrainerAsync(async (room, classId) =>
    {
        if (!room.State.HasMessage(messageId))
        {
            throw new HubException(T["That message is no longer in the chat."]);
        }

        await room.AppendAsync(new ChatRemoved(messageId, UserId));
        room.Send(c => c.Group(Everyone(classId)).ChatRemoved(messageId));
    });

    public Task MuteChat(string userId, bool muted) => AsTrainerAsync(async (room, classId) =>
    {
        if (room.State.IsMuted(userId) != muted)
        {
            await room.AppendAsync(new ChatMuted(userId, muted));
        }

        room.Send(c => c.Group(One(classId, userId)).MutedChanged(muted));
    });

    public Task RaiseHand() => InClassAsync(async (room, me) =>
    {
        if (!room.State.HasHandUp(me.UserId))
        {
            await room.AppendAsync(new HandRaised(me.UserId, me.Name));
        }

        HandsChanged(room, me.ClassId, me.UserId, raised: true);
    });

    public Task LowerHand() => InClassAsync((room, me) => LowerAsync(room, me.ClassId, me.UserId));

    public Task LowerHandOf(string userId) => AsTrainerAsync((room, classId) => LowerAsync(room, classId, userId));

    public Task OpenPoll(string question, string[] answers, bool multiple) => AsTrainerAsync(async (room, classId) =>
    {
        question = (question ?? string.Empty).Trim();
        var choices = (answers ?? []).Select(a => (a ?? string.Empty).Trim()).Where(a => a.Length > 0).ToList();
        if (question.Length is 0 or > 200 || choices.Count is < 2 or > 8 || choices.Any(a => a.Length > 100))
        {
            throw new HubException(T["A poll needs a question (at most 200 characters) and 2 to 8 answers (at most 100 characters each)."]);
        }

        await room.AppendAsync(new PollOpened(question, choices, multiple));
        SendPoll(room, classId);
    });

    public Task AnswerPoll(int pollId, int[] choices) => InClassAsync(async (room, me) =>
    {
        if (me.Staff)
        {
            throw new HubException(T["Polls are for learners to answer."]);
        }

        if (room.State.OpenPollId != pollId)
        {
            throw new HubException(T["This poll is closed."]);
        }

        if (!room.State.PollTakes(pollId, choices ?? []))
        {
            throw new HubException(T["Please choose one of the answers."]);
        }

        await room.AppendAsync(new PollAnswered(pollId, me.UserId, choices!));
        var (mine, staffView, caller) = (room.State.PollFor(me.UserId, staff: false), room.State.PollFor(string.Empty, staff: true), Context.ConnectionId);
        room.Send(c => c.Client(caller).PollChanged(mine));
        room.Send(c => c.Group(Staff(me.ClassId)).PollChanged(staffView));
    });

    public Task ShowPollResults(int pollId) => AsTrainerAsync(async (room, classId) =>
    {
        RequireOpenPoll(room, pollId);
        await room.AppendAsync(new PollResultsShown(pollId));
        SendPoll(room, classId);
    });

    public Task ClosePoll(int pollId) => AsTrainerAsync(async (room, classId) =>
    {
        RequireOpenPoll(room, pollId);
        await room.AppendAsync(new PollClosed(pollId));
        room.Send(c => c.Group(Everyone(classId)).PollChanged(null));
    });

    public async Task EndClass()
    {
        var me = Me();
        RequireStaff(me);
        if (await ending.EndAsync(me.ClassId, Context.ConnectionAborted))
        {
            await Clients.Group(Everyone(me.ClassId)).ClassEnded();
        }
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (await attendance.LeaveAsync(Context.ConnectionId) is { Staff: false } left && !attendance.IsPresent(left.ClassId, left.UserId))
        {
            await Clients.Group(Staff(left.ClassId)).ParticipantLeft(left.UserId);
        }

        await base.OnDisconnectedAsync(exception);
    }


    private async Task<IReadOnlyList<ParticipantView>> ParticipantsAsync(LiveClass c)
    {
        var present = (await attendance.PresentAsync(c.Id, Context.ConnectionAborted)).Where(id => id != c.TrainerId).ToList();
        var found = await people.FindAsync(present, Context.ConnectionAborted);
        return present.Where(found.ContainsKey).Select(id => new ParticipantView(id, found[id].DisplayName, false)).OrderBy(p => p.Name).ToList();
    }

    private async Task LowerAsync(Classrooms.Room room, string classId, string userId)
    {
        if (room.State.HasHandUp(userId))
        {
            await room.AppendAsync(new HandLowered(userId, UserId));
        }

        HandsChanged(room, classId, userId, raised: false);
    }

    // What is sent is taken now, under the lock: the room may change before the sender gets to it.
    private static void HandsChanged(Classrooms.Room room, string classId, string userId, bool raised)
    {
        var hands = room.State.Hands.ToList();
        room.Send(c => c.Group(One(classId, userId)).HandChanged(raised));
        room.Send(c => c.Group(Staff(classId)).HandsChanged(hands));
    }

    private static void SendPoll(Classrooms.Room room, string classId)
    {
        var (learners, staff) = (room.State.PollFor(string.Empty, staff: false), room.State.PollFor(string.Empty, staff: true));
        room.Send(c => c.Group(Learners(classId)).PollChanged(learners));
        room.Send(c => c.Group(Staff(classId)).PollChanged(staff));
    }

    private void RequireOpenPoll(Classrooms.Room room, int pollId)
    {
        if (room.State.OpenPollId != pollId)
        {
            throw new HubException(T["This poll is closed."]);
        }
    }

    private Participant Me() => attendance.Of(Context.ConnectionId) ?? throw new HubException(T["Please join the class first."]);

    private void RequireStaff(Participant me)
    {
        if (!me.Staff)
        {
            throw new HubException(T["Only the class's trainer can do that."]);
        }
    }

    private async Task InClassAsync(Func<Classrooms.Room, Participant, Task> action)
    {
        var me = Me();
        var found = await classrooms.InRoomAsync(me.ClassId, async room =>
        {
            if (room.State.Ended)
            {
                throw new HubException(T["This class has ended."]);
            }

            await action(room, me);
            return true;
        }, Context.ConnectionAborted);
        if (!found)
        {
            throw new HubException(T["There is no such class."]);
        }
    }

    private Task AsTrainerAsync(Func<Classrooms.Room, string, Task> action) => InClassAsync((room, me) =>
    {
        RequireStaff(me);
        return action(room, me.ClassId);
    });
}
