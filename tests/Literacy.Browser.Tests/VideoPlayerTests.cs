using System.Diagnostics;
using Literacy.Testing;
using Microsoft.Playwright;

namespace Literacy.Browser.Tests;

/// <summary>A lesson video the test makes with ffmpeg plays in Chromium, with its captions, and never before the learner asks.</summary>
public sealed class VideoPlayerTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private static async Task<byte[]> MakeVideoAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"literacy-video-{Guid.NewGuid():N}.webm");
        var ffmpeg = Process.Start(new ProcessStartInfo("ffmpeg",
            ["-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=10:duration=3", "-c:v", "libvpx", "-b:v", "50k", path])
        { RedirectStandardError = true })!;
        await ffmpeg.WaitForExitAsync();
        Assert.True(ffmpeg.ExitCode == 0, await ffmpeg.StandardError.ReadToEndAsync());
        var bytes = await File.ReadAllBytesAsync(path);
        File.Delete(path);
        return bytes;
    }

    [Fact]
    public async Task The_lesson_video_plays_with_captions_and_does_not_load_by_itself()
    {
        var package = TestPackage.Valid()
            .Edit("course.json", j => j.Replace("\"phone-safety\"", "\"video-course\"", StringComparison.Ordinal).Replace("\"blocks\": [\"quiz\"]", "\"blocks\": [\"quiz\", \"video\"]", StringComparison.Ordinal))
            .Set("media/call.webm", await MakeVideoAsync())
            .Set("media/call.zh-CN.vtt", "WEBVTT\n\n00:00.000 --> 00:03.000\n打开微信，点家人的名字\n")
            .Set("media/call.en.vtt", "WEBVTT\n\n00:00.000 --> 00:03.000\nOpen WeChat and tap your family member's name\n")
            .Edit("lessons/zh-CN/01-lock.md", md => md + "\n```video\nsrc: media/call.webm\ncaptions: media/call.zh-CN.vtt\ntitle: 怎样打视频电话\n```\n")
            .Edit("lessons/en/01-lock.md", md => md + "\n```video\nsrc: media/call.webm\ncaptions: media/call.en.vtt\ntitle: How to make a video call\n```\n");
        var admin = await site.AdminAsync();
        using var uploaded = await admin.UploadAsync(package.Zip());
        Assert.True(uploaded.StatusCode == System.Net.HttpStatusCode.Redirect, await uploaded.Content.ReadAsStringAsync());
        (await admin.PublishAsync("video-course", "1.0.0")).Dispose();

        var page = await site.NewPhoneAsync();
        var videoRequests = 0;
        page.Request += (_, request) => videoRequests += request.Url.EndsWith(".webm", StringComparison.Ordinal) ? 1 : 0;
        await page.GotoAsync("/courses/video-course/lessons/lock");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(0, videoRequests);
        await Assertions.Expect(page.Locator("figure.video figcaption")).ToContainTextAsync("按下播放键才会开始下载");
        await Accessibility.AssertNoViolationsAsync(page);

        var video = page.Locator("video");
        await video.EvaluateAsync("v => { v.muted = true; v.textTracks[0].mode = 'showing'; return v.play(); }");
        await page.WaitForFunctionAsync("() => document.querySelector('video').currentTime > 0.5");
        Assert.True(videoRequests > 0);
        var cue = await page.WaitForFunctionAsync("() => { const t = document.querySelector('video').textTracks[0]; return t.cues && t.cues.length > 0 ? t.cues[0].text : null; }");
        Assert.Equal("打开微信，点家人的名字", await cue.JsonValueAsync<string>());
    }
}
