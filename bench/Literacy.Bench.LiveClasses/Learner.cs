using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;

namespace Literacy.Bench.LiveClasses;

/// <summary>One simulated phone in the class: connects, joins, and notes when each slide change reaches it.</summary>
public sealed class Learner(Uri site, string cookie, int slideChanges) : IAsyncDisposable
{
    private readonly HubConnection connection = Hub.Connection(site, cookie);

    /// <summary>Set before this side closes the connection, so that closing is not counted as a drop.</summary>
    private volatile bool leaving;

    /// <summary>Stopwatch timestamp at which slide index i arrived; 0 while it has not. Index i is change number i.</summary>
    public long[] Receipts { get; } = new long[slideChanges + 1];

    /// <summary>The connection closed while it should have been open.</summary>
    public bool Dropped { get; private set; }

    /// <summary>Connects and joins; returns how long both took.</summary>
    public async Task<TimeSpan> ConnectAsync(string classId)
    {
        connection.On<int>("SlideChanged", index =>
        {
            var now = Stopwatch.GetTimestamp();
            if (index > 0 && index < Receipts.Length)
            {
                // A duplicate delivery keeps the first receipt: each (learner, slide) counts once.
                Interlocked.CompareExchange(ref Receipts[index], now, 0);
            }
        });
        connection.Closed += _ =>
        {
            Dropped |= !leaving;
            return Task.CompletedTask;
        };

        var started = Stopwatch.GetTimestamp();
        await connection.StartAsync();
        var snapshot = await connection.JoinAsync(classId);
        if (snapshot.Staff || snapshot.Ended || snapshot.ClassId != classId)
        {
            throw new InvalidOperationException($"a learner's join answered staff={snapshot.Staff}, ended={snapshot.Ended}, class={snapshot.ClassId}");
        }

        return Stopwatch.GetElapsedTime(started);
    }

    public async ValueTask DisposeAsync()
    {
        leaving = true;
        await connection.DisposeAsync();
    }
}
