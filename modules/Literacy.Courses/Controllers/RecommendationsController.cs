using System.Security.Claims;
using Literacy.Courses.Recommending;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Literacy.Courses.Controllers;

/// <summary>A learner's say over course suggestions: on or off, and the interests kept about them, each of which they can delete.</summary>
[Authorize]
[Route("courses/suggestions")]
public sealed class RecommendationsController(Recommendations recommendations, IStringLocalizer<CoursesModule> T) : Controller
{
    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new SuggestionsPage(!await recommendations.IsOffAsync(UserId, cancellationToken), await recommendations.TagsAsync(UserId, cancellationToken)));

    [HttpPost("")]
    public async Task<IActionResult> Switch(bool personalised, CancellationToken cancellationToken)
    {
        await recommendations.SwitchAsync(UserId, personalised, cancellationToken);
        TempData["Message"] = (personalised
            ? T["Suggestions for you are on."]
            : T["Suggestions for you are off. You now see the same list as everyone."]).Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("forget")]
    public async Task<IActionResult> Forget(string tag, CancellationToken cancellationToken)
    {
        if (await recommendations.ForgetAsync(UserId, tag ?? string.Empty, cancellationToken) > 0)
        {
            TempData["Message"] = T["Deleted. We no longer keep that interest."].Value;
        }
        else
        {
            TempData["Error"] = T["We keep no such interest about you."].Value;
        }

        return RedirectToAction(nameof(Index));
    }
}

public sealed record SuggestionsPage(bool Personalised, IReadOnlyList<Data.InterestTag> Tags);
