using Microsoft.Playwright;

namespace Literacy.Browser.Tests;

/// <summary>The read-aloud buttons on a lesson and on quiz questions, in Debian's Chromium.</summary>
public sealed class ReadAloudTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    /// <summary>
    /// A scripted voice for the browser's speech synthesis (the test machine has no speech engine): it records what it
    /// is asked to say and finishes each sentence only when the test says so.
    /// </summary>
    private const string ScriptedVoice = """
        (() => {
          const said = [];
          let pending = null;
          const voice = { lang: 'zh-CN', name: 'test voice', default: true, localService: true, voiceURI: 'test' };
          window.__speech = { said, calls: [], finish: () => { const u = pending; pending = null; if (u && u.onend) u.onend(); } };
          window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
          Object.defineProperty(window, 'speechSynthesis', { value: {
            getVoices: () => [voice],
            speak: (u) => { said.push(u.text); pending = u; },
            pause: () => window.__speech.calls.push('pause'),
            resume: () => window.__speech.calls.push('resume'),
            cancel: () => { window.__speech.calls.push('cancel'); pending = null; },
          }});
        })();
        """;

    [Fact]
    public async Task Without_a_voice_for_the_language_the_button_says_so_instead_of_failing_silently()
    {
        var page = await site.NewPhoneAsync();
        await page.GotoAsync("/courses/stop-fraud/lessons/golden-rules");
        var read = page.Locator("#lesson > .read-aloud-bar").GetByRole(AriaRole.Button, new() { Name = "朗读" });
        await Assertions.Expect(read).ToBeVisibleAsync();
        await read.ClickAsync();
        await Assertions.Expect(page.Locator("#lesson > .read-aloud-bar [role=status]")).ToContainTextAsync("无法朗读");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task A_lesson_is_read_sentence_by_sentence_with_pause_resume_and_stop_and_a_question_keeps_its_answers()
    {
        var page = await site.NewPhoneAsync();
        await page.AddInitScriptAsync(ScriptedVoice);
        await page.GotoAsync("/courses/stop-fraud/lessons/golden-rules");
        var bar = page.Locator("#lesson > .read-aloud-bar");
        await Assertions.Expect(bar.Locator(".read-aloud-stop")).ToBeHiddenAsync(); // nothing to stop yet
        await bar.GetByRole(AriaRole.Button, new() { Name = "朗读" }).ClickAsync();
        await Assertions.Expect(bar.GetByRole(AriaRole.Button, new() { Name = "停止" })).ToBeVisibleAsync();

        var title = await page.Locator("#lesson h1").InnerTextAsync();
        await Assertions.Expect(page.Locator(".sentence.reading")).ToHaveTextAsync(title);
        await page.EvaluateAsync("() => window.__speech.finish()");
        await Assertions.Expect(page.Locator(".sentence.reading")).Not.ToHaveTextAsync(title);
        Assert.Equal(2, await page.EvaluateAsync<int>("() => window.__speech.said.length"));

        await bar.GetByRole(AriaRole.Button, new() { Name = "暂停" }).ClickAsync();
        await bar.GetByRole(AriaRole.Button, new() { Name = "继续朗读" }).ClickAsync();
        await bar.GetByRole(AriaRole.Button, new() { Name = "停止" }).ClickAsync();
        Assert.Equal(["pause", "resume", "cancel"], await page.EvaluateAsync<string[]>("() => window.__speech.calls"));
        await Assertions.Expect(page.Locator(".sentence.reading")).ToHaveCountAsync(0);
        await Assertions.Expect(bar.GetByRole(AriaRole.Button, new() { Name = "朗读" })).ToBeVisibleAsync();

        // A quiz question read on its own: its text is read, and its answer buttons are still there to press.
        var question = page.Locator("section.quiz fieldset.question").First;
        var answers = await question.Locator("input").CountAsync();
        await question.Locator(".read-aloud-bar").GetByRole(AriaRole.Button, new() { Name = "朗读" }).ClickAsync();
        await Assertions.Expect(question.Locator(".sentence.reading")).ToHaveCountAsync(1);
        Assert.Equal(answers, await question.Locator("input").CountAsync());
        await question.Locator("input").First.CheckAsync();
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task A_picture_in_a_lesson_is_read_in_its_place_from_its_description()
    {
        var page = await site.NewPhoneAsync();
        await page.AddInitScriptAsync(ScriptedVoice);
        await page.GotoAsync("/courses/stop-fraud/lessons/if-you-paid");
        var picture = page.Locator("#lesson img");
        var description = await picture.GetAttributeAsync("alt");
        await page.Locator("#lesson > .read-aloud-bar").GetByRole(AriaRole.Button, new() { Name = "朗读" }).ClickAsync();

        // Sentence by sentence, until the reading reaches the picture: then the picture is marked and its description said.
        for (var i = 0; i < 20 && !await picture.EvaluateAsync<bool>("img => img.classList.contains('reading')"); i++)
        {
            await page.EvaluateAsync("() => window.__speech.finish()");
        }

        var said = await page.EvaluateAsync<string[]>("() => window.__speech.said");
        Assert.Equal($"图片上是： {description}", said[^1]);
        Assert.Equal("越快行动，越有可能把钱追回来。", said[^2]); // the lesson's sentence before the picture
        await page.EvaluateAsync("() => window.__speech.finish()");
        await Assertions.Expect(picture).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("reading"));
        Assert.StartsWith("第一步", (await page.EvaluateAsync<string[]>("() => window.__speech.said"))[^1], StringComparison.Ordinal);
    }
}
