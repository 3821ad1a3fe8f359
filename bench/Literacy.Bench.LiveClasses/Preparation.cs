using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Literacy.Bench.LiveClasses;

/// <summary>The people and the class of a run, made through the site's own pages as an operator and learners would.</summary>
public sealed record Classroom(string ClassId, string TrainerCookie, IReadOnlyList<string> LearnerCookies);

public static class Preparation
{
    private const string Password = "a long bench password for the live class";

    /// <summary>
    /// The administrator (through the one-time setup link) teaches the class: administrators may run any class, so no
    /// separate trainer is needed. The deck has a slide for each change plus the opening one, so every change shows a
    /// slide index of its own and a receipt tells which change it was.
    /// </summary>
    public static async Task<Classroom> RunAsync(Settings settings)
    {
        var clock = Stopwatch.StartNew();
        using var admin = new Browser(settings.Site);
        using (var setup = await admin.SubmitAsync($"/setup?token={settings.SetupToken}", "/setup", new Dictionary<string, string>
        {
            ["Token"] = settings.SetupToken, ["DisplayName"] = "Bench trainer", ["Email"] = "trainer@bench.literacy.local", ["Password"] = Password,
        }))
        {
            Require(setup.StatusCode == HttpStatusCode.OK && admin.CookieHeader.Contains("literacy.auth=", StringComparison.Ordinal), "setup did not sign the administrator in");
        }

        var classId = await ScheduleAsync(admin, settings);
        Console.WriteLine($"setup: administrator and class {classId} in {clock.Elapsed.TotalSeconds:0.0} s");

        clock.Restart();
        var cookies = new string[settings.Learners];
        await Workers.RunAsync(settings.RegisterWorkers, cookies.Length, async i => cookies[i] = await LearnerAsync(settings.Site, classId, i));
        Console.WriteLine($"setup: {cookies.Length} learners registered and signed up in {clock.Elapsed.TotalSeconds:0.0} s ({settings.RegisterWorkers} at a time)");
        return new Classroom(classId, admin.CookieHeader, cookies);
    }

    private static async Task<string> ScheduleAsync(Browser trainer, Settings settings)
    {
        // The form takes local time in the site's zone; the room opens 30 minutes before the start, so it is open now.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var start = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow.AddMinutes(10), zone);
        var slides = string.Join("\n\n---\n\n", Enumerable.Range(0, settings.SlideChanges + 1).Select(i => $"# Slide {i}\n\nA line of text on slide {i}."));
        var location = await trainer.SubmitExpectingRedirectAsync("/live/new", "/live/new", new Dictionary<string, string>
        {
            ["title"] = "Bench class", ["courseId"] = string.Empty, ["start"] = start.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
            ["duration"] = "240", ["capacity"] = settings.Learners.ToString(CultureInfo.InvariantCulture), ["slides"] = slides,
        });
        const string Anchor = "/live#class-";
        Require(location.OriginalString.StartsWith(Anchor, StringComparison.Ordinal), $"scheduling redirected to {location}");
        return location.OriginalString[Anchor.Length..];
    }

    /// <summary>Registers learner <paramref name="i"/> (which signs them in) and takes a place; returns their cookie.</summary>
    private static async Task<string> LearnerAsync(Uri site, string classId, int i)
    {
        using var learner = new Browser(site);
        await learner.SubmitExpectingRedirectAsync("/account/register", "/account/register", new Dictionary<string, string>
        {
            ["DisplayName"] = $"Learner {i}", ["Email"] = $"learner-{i}@bench.literacy.local", ["Password"] = Password, ["ConfirmPassword"] = Password,
        });
        // The token of a page seen signed in: the one from the register page belonged to a visitor.
        await learner.SubmitExpectingRedirectAsync("/live", $"/live/{classId}/signup", new Dictionary<string, string>());
        return learner.CookieHeader;
    }

    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException(problem);
        }
    }
}
