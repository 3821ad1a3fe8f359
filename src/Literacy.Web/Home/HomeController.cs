using System.Globalization;
using System.Security.Claims;
using Literacy.Modules;
using Literacy.Modules.Lessons;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Literacy.Web.Home;

[AllowAnonymous]
public sealed class HomeController(ICoursesInProgress inProgress) : Controller
{
    /// <summary>The front page; a signed-in learner part-way through courses finds the way back to each at the top.</summary>
    [HttpGet("/")]
    [OutputCache(PolicyName = OutputCaching.LearnerPages)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new HomePage(User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
            ? await inProgress.OfAsync(userId, CultureInfo.CurrentUICulture.Name, take: 3, cancellationToken)
            : []));

    /// <summary>The page shown for an error status, in the visitor's language. Re-executed with the failed request's method.</summary>
    [Route("/status/{code:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Status(int code)
    {
        ViewData["Code"] = code;
        return View();
    }
}

public sealed record HomePage(IReadOnlyList<CourseInProgress> InProgress);
