using System.Text.Json;
using Microsoft.Playwright;

namespace Literacy.Browser.Tests;

/// <summary>Runs axe-core (from npm, never a CDN) on the page with the WCAG 2.2 AA rule sets.</summary>
public static class Accessibility
{
    private static string AxeScript =>
        Environment.GetEnvironmentVariable("TEST_AXE") is { Length: > 0 } path
            ? path
            : Path.Combine(Literacy.Testing.RepoPaths.Root, "node_modules", "axe-core", "axe.min.js");

    public static async Task AssertNoViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxeScript });
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] });
              return result.violations.flatMap(v => v.nodes.map(n => `${v.id} (${v.impact}) at ${n.target.join(' ')}: ${n.failureSummary}`));
            }
            """);
        var list = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(list.Count == 0, $"{page.Url} has accessibility violations:\n{string.Join('\n', list)}");
    }
}
