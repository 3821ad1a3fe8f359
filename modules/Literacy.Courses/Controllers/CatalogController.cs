using System.Globalization;
using System.Security.Claims;
using Literacy.Courses.Lessons;
using Literacy.Courses.Recommending;
using Microsoft.AspNetCore.Authorization;
using Literacy.Modules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Literacy.Courses.Controllers;

/// <summary>The course catalog, filtered by audience, level and language. Plain links and a GET form: works without JavaScript.</summary>
[AllowAnonymous]
[Route("courses")]
public sealed class CatalogController(PublishedCourses courses, Recommendations recommendations) : Controller
{
    [OutputCache(PolicyName = OutputCaching.LearnerPages)]
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] CatalogFilter filter, CancellationToken cancellationToken)
    {
        var all = await courses.AllAsync(cancellationToken);
        var shown = all
            .Where(c => filter.Audience is null || c.Manifest.Audiences.Contains(filter.Audience) || c.Manifest.Audiences.Contains("general"))
            .Where(c => filter.Level is null || c.Manifest.Level == filter.Level)
            .Where(c => filter.Language is null || c.Manifest.Languages.Contains(filter.Language))
            .ToList();
        // Signed-in pages are never output-cached, so a learner's suggestions are theirs alone.
        var suggestions = User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId ? await recommendations.ForAsync(userId, all, cancellationToken) : null;
        return View(new CatalogPage(shown, filter, CultureInfo.CurrentUICulture.Name, all.Select(c => c.Manifest.Level).Distinct().Order().ToList(), suggestions));
    }
}

public sealed record CatalogFilter(string? Audience, int? Level, string? Language);

public sealed record CatalogPage(IReadOnlyList<PublishedCourse> Courses, CatalogFilter Filter, string Culture, IReadOnlyList<int> Levels, Suggestions? Suggestions);
