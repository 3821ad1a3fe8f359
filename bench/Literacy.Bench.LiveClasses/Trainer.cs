using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;

namespace Literacy.Bench.LiveClasses;

/// <summary>The trainer's page: changes slides on a timer and watches learners arrive and leave (the staff's participant list).</summary>
public sealed class Trainer : IAsyncDisposable
{
    private readonly HubConnection connection;
    private readonly HashSet<string> present = [];
    private readonly Lock gate = new();

    private Trainer(HubConnection connection) => this.connection = connection;

    public int SlideCount { get; private set; }

    public static async Task<Trainer> ConnectAsync(Uri site, string cookie, string classId)
    {
        var trainer = new Trainer(Hub.Connection(site, cookie));
        trainer.connection.On<ParticipantSeen>("ParticipantJoined", p => trainer.Present(p.UserId, true));
        trainer.connection.On<string>("ParticipantLeft", id => trainer.Present(id, false));
        await trainer.connection.StartAsync();
        var snapshot = await trainer.connection.JoinAsync(classId);
        if (!snapshot.Staff)
        {
            throw new InvalidOperationException("the trainer joined the class as a learner");
        }

        trainer.SlideCount = snapshot.SlideCount;
        return trainer;
    }

    /// <summary>
    /// Waits until the server has told the trainer that exactly <paramref name="count"/> learners are in the room: after a
    /// round's joins that all have arrived, after the goodbyes that every one of them has left (nobody stays as a ghost).
    /// </summary>
    public async Task<bool> WaitForPresentAsync(int count, TimeSpan timeout)
    {
        var until = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (PresentCount != count)
        {
            if (Stopwatch.GetTimestamp() > until)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    public int PresentCount
    {
        get
        {
            lock (gate)
            {
                return present.Count;
            }
        }
    }

    /// <summary>
    /// Shows slides 1..changes, each 300-500 ms after the previous one was sent, and returns when each was sent (the
    /// Stopwatch timestamp just before the call) and how long the server took to answer each call.
    /// </summary>
    public async Task<(long[] Sent, List<double> AnswerMs)> ShowSlidesAsync(int changes, Random random)
    {
        var sent = new long[changes + 1];
        var answers = new List<double>(changes);
        var next = Stopwatch.GetTimestamp();
        for (var k = 1; k <= changes; k++)
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            sent[k] = Stopwatch.GetTimestamp();
            await connection.InvokeAsync("ShowSlide", k);
            answers.Add(Stopwatch.GetElapsedTime(sent[k]).TotalMilliseconds);
            next = sent[k] + (long)(random.Next(300, 501) / 1000.0 * Stopwatch.Frequency);
        }

        return (sent, answers);
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    private void Present(string userId, bool joined)
    {
        lock (gate)
        {
            _ = joined ? present.Add(userId) : present.Remove(userId);
        }
    }

    private sealed record ParticipantSeen(string UserId);
}
