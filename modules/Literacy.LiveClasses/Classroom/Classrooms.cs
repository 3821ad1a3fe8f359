using System.Collections.Concurrent;
using System.Threading.Channels;
using Literacy.Data;
using Literacy.LiveClasses.Data;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Literacy.LiveClasses.Classroom;

/// <summary>
/// The classrooms this node has open. Each one's state lives in memory for speed, but the database's event log is the
/// truth: a room is rebuilt from the log after a restart, and catches up with events another node appended before it
/// answers a joining learner.
/// </summary>
public sealed class Classrooms(
    IServiceScopeFactory scopeFactory,
    GroupCommit<LiveClassesDbContext> logWriter,
    IHubContext<ClassroomHub, IClassroomClient> hubContext,
    TimeProvider timeProvider,
    ILogger<Classrooms> logger)
{
    /// <summary>How stale a room may be before a join re-reads the log for what other nodes appended.</summary>
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);

    private readonly IServiceScopeFactory scopes = scopeFactory;
    private readonly GroupCommit<LiveClassesDbContext> writer = logWriter;
    private readonly TimeProvider clock = timeProvider;
    private readonly IHubContext<ClassroomHub, IClassroomClient> hub = hubContext;
    private readonly ILogger<Classrooms> log = logger;
    private readonly ConcurrentDictionary<string, Room> rooms = new();

    /// <summary>Runs <paramref name="action"/> alone in the class's room, caught up with the log; null if there is no such class.</summary>
    public async Task<T?> InRoomAsync<T>(string classId, Func<Room, Task<T>> action, CancellationToken cancellationToken)
    {
        var room = rooms.GetOrAdd(classId, id => new Room(id, this));
        await room.Gate.WaitAsync(cancellationToken);
        try
        {
            if (!await room.RefreshAsync(cancellationToken))
            {
                rooms.TryRemove(classId, out _);
                return default;
            }

            return await action(room);
        }
        finally
        {
            room.Gate.Release();
        }
    }

    /// <summary>Drops the in-memory room (an ended class); the log stays.</summary>
    public void Forget(string classId) => rooms.TryRemove(classId, out _);

    /// <summary>Reads the class's whole log, for the replay.</summary>
    public async Task<IReadOnlyList<LoggedEvent>> LogAsync(string classId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiveClassesDbContext>();
        return await ReadAsync(db, classId, 0, cancellationToken);
    }

    private static async Task<List<LoggedEvent>> ReadAsync(LiveClassesDbContext db, string classId, int after, CancellationToken cancellationToken) =>
        (await db.Events.AsNoTracking().Where(e => e.ClassId == classId && e.Sequence > after).OrderBy(e => e.Sequence)
            .Select(e => new { e.Sequence, e.AtUtc, e.Data }).ToListAsync(cancellationToken))
        .Select(e => new LoggedEvent(e.Sequence, DateTime.SpecifyKind(e.AtUtc, DateTimeKind.Utc), ClassEvent.FromJson(e.Data))).ToList();

    /// <summary>One class's state and what is needed to change it. Only used inside <see cref="InRoomAsync"/>.</summary>
    public sealed class Room(string classId, Classrooms owner)
    {
        private readonly Channel<Func<IHubClients<IClassroomClient>, Task>> outbox = Channel.CreateUnbounded<Func<IHubClients<IClassroomClient>, Task>>(new() { SingleReader = true });
        private Task? sender;
        private long refreshedAt;

        internal SemaphoreSlim Gate { get; } = new(1, 1);

        public ClassroomState State { get; } = new();

        public LiveClass Class { get; private set; } = null!;

        public int SlideCount { get; private set; }

        /// <summary>
        /// Queues a message to the class's pages. Sent in order by one sender per room, after the lock is released, so
        /// a fan-out to a thousand phones never holds up the next learner's join or chat.
        /// </summary>
        public void Send(Func<IHubClients<IClassroomClient>, Task> message)
        {
            outbox.Writer.TryWrite(message);
            sender ??= Task.Run(SendAllAsync);
        }

        private async Task SendAllAsync()
        {
            await foreach (var message in outbox.Reader.ReadAllAsync())
            {
                try
                {
                    await message(owner.hub.Clients);
                }
                catch (Exception e)
                {
                    owner.log.LogWarning(e, "A classroom message to class {ClassId} was not sent", classId);
                }
            }
        }

        /// <summary>Re-reads the class (a trainer may have edited it) and any events appended elsewhere, at most once a second. False if it is gone.</summary>
        internal async Task<bool> RefreshAsync(CancellationToken cancellationToken, bool force = false)
        {
            var now = owner.clock.GetTimestamp();
            if (!force && Class is not null && owner.clock.GetElapsedTime(refreshedAt, now) < Freshness)
            {
                return true;
            }

            refreshedAt = now;
            await using var scope = owner.scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LiveClassesDbContext>();
            var found = await db.Classes.AsNoTracking().FirstOrDefaultAsync(c => c.Id == classId, cancellationToken);
            if (found is null)
            {
                return false;
            }

            if (Class?.Slides != found.Slides)
            {
                SlideCount = Scheduling.SlideDeck.Count(found.Slides);
            }

            Class = found;
            foreach (var logged in await ReadAsync(db, classId, State.LastSequence, cancellationToken))
            {
                State.Apply(logged);
            }

            return true;
        }

        /// <summary>Appends an event to the log (durably) and applies it.</summary>
        public async Task<LoggedEvent> AppendAsync(ClassEvent e)
        {
            var at = owner.clock.GetUtcNow().UtcDateTime;
            var row = new ClassEventRow { ClassId = classId, Kind = e.Kind, Data = e.ToJson(), AtUtc = at };
            // Numbered inside the write's transaction: if another node appended meanwhile, this one takes the next place.
            var sequence = await owner.writer.RunAsync(async db =>
            {
                row.Id = 0;
                row.Sequence = 1 + (await db.Events.Where(x => x.ClassId == classId).MaxAsync(x => (int?)x.Sequence) ?? 0);
                db.Events.Add(row);
                await db.SaveChangesAsync();
                return row.Sequence;
            }, CancellationToken.None);

            var logged = new LoggedEvent(sequence, at, e);
            if (sequence != State.LastSequence + 1)
            {
                await RefreshAsync(CancellationToken.None, force: true); // fills the gap another node left, this event included
            }
            else
            {
                State.Apply(logged);
            }

            return logged;
        }
    }
}
