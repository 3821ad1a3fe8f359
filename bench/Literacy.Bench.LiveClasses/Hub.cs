using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Literacy.Bench.LiveClasses;

/// <summary>What Join answers, as far as the bench needs it (the JSON protocol ignores the rest).</summary>
public sealed record Snapshot(string ClassId, bool Staff, int Slide, int SlideCount, bool Ended);

public static class Hub
{
    /// <summary>
    /// A classroom connection signed in by its cookie, over WebSockets without the negotiate round trip (one socket per
    /// phone, as the browser client ends up with). No automatic reconnect: a dropped connection must show as lost deliveries.
    /// </summary>
    public static HubConnection Connection(Uri site, string cookie) => new HubConnectionBuilder()
        .WithUrl(new Uri(site, "hubs/classroom"), o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
            o.Headers["Cookie"] = cookie;
        })
        .Build();

    public static Task<Snapshot> JoinAsync(this HubConnection connection, string classId) =>
        connection.InvokeAsync<Snapshot>("Join", classId);
}
