using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;

namespace Literacy.Testing;

/// <summary>Trainers, scheduled classes and classroom connections, made the way people make them.</summary>
public static class LiveClassSetup
{
    public const string ThreeSlides = "# 欢迎\n\n今天学用手机视频通话。\n\n---\n\n# 第一步\n\n打开微信。\n\n---\n\n# 第二步\n\n点“视频通话”。";

    /// <summary>A person who registered, was made a trainer by the administrator, and signed in again.</summary>
    public static async Task<(HttpClient Client, string Email)> TrainerAsync(this PlatformFactory site, string name = "王老师")
    {
        var admin = await site.AdminAsync();
        var (trainer, email) = await site.LearnerAsync(name);
        var search = $"/admin/users?search={Uri.EscapeDataString(email)}";
        var roleAction = (await admin.GetPageAsync(search)).QuerySelector("form[action$='/role']")!.GetAttribute("action")!;
        (await admin.SubmitAsync(search, roleAction, new Dictionary<string, string> { ["role"] = "Trainer" })).Dispose();
        (await trainer.SignInAsync(email)).Dispose(); // a fresh sign-in carries the new role
        return (trainer, email);
    }

    /// <summary>The form's fields for a class starting <paramref name="startsIn"/> from the site's now (Beijing time).</summary>
    public static Dictionary<string, string> ClassFields(PlatformFactory site, TimeSpan startsIn, int duration = 60, int capacity = 30, string slides = ThreeSlides) => new()
    {
        ["title"] = "用手机和家人视频",
        ["courseId"] = "",
        ["start"] = TimeZoneInfo.ConvertTimeFromUtc((site.Clock?.GetUtcNow() ?? DateTimeOffset.UtcNow).UtcDateTime + startsIn, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"))
            .ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
        ["duration"] = duration.ToString(CultureInfo.InvariantCulture),
        ["capacity"] = capacity.ToString(CultureInfo.InvariantCulture),
        ["slides"] = slides,
    };

    /// <summary>Schedules a class through the form; returns its id.</summary>
    public static async Task<string> ScheduleClassAsync(this HttpClient trainer, Dictionary<string, string> fields)
    {
        using var response = await trainer.SubmitAsync("/live/new", "/live/new", fields);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"scheduling answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return response.Headers.Location!.OriginalString.Split("#class-")[1];
    }

    public static Task<HttpResponseMessage> TakePlaceAsync(this HttpClient learner, string classId) =>
        learner.SubmitAsync("/live", $"/live/{classId}/signup", new Dictionary<string, string>());

    /// <summary>A phone in the classroom: signs in as <paramref name="email"/> and connects over WebSockets (not yet started).</summary>
    public static async Task<ClassroomPhone> PhoneAsync(this PlatformFactory site, string email, bool reconnects = false)
    {
        var cookies = new CookieContainer();
        var client = site.CreateDefaultClient(site.BaseAddress, new CookieContainerHandler(cookies));
        (await client.SignInAsync(email)).Dispose();
        return new ClassroomPhone(site, cookies.GetCookieHeader(site.BaseAddress), reconnects);
    }
}

/// <summary>A classroom connection whose network the test can cut, as when a phone drops off the network.</summary>
public sealed class ClassroomPhone : IAsyncDisposable
{
    private WebSocket? socket;

    public ClassroomPhone(PlatformFactory site, string cookie, bool reconnects)
    {
        var builder = new HubConnectionBuilder().WithUrl(new Uri(site.BaseAddress, "/hubs/classroom"), o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
            o.Headers["Cookie"] = cookie;
            o.WebSocketFactory = async (context, cancellationToken) =>
            {
                var ws = site.Server.CreateWebSocketClient();
                ws.ConfigureRequest = r => r.Headers.Cookie = cookie;
                socket = await ws.ConnectAsync(context.Uri, cancellationToken);
                return socket;
            };
        });
        if (reconnects)
        {
            builder.WithAutomaticReconnect([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)]); // back a moment later, as a phone is
        }

        Connection = builder.Build();
    }

    public HubConnection Connection { get; }

    /// <summary>Cuts the connection without a goodbye, as a lost network does.</summary>
    public void Drop() => socket?.Abort();

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
