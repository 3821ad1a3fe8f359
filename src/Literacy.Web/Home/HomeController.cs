using Microsoft.AspNetCore.Authorization;
using Literacy.Modules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Literacy.Web.Home;

[AllowAnonymous]
public sealed class HomeController : Controller
{
    [HttpGet("/")]
    [OutputCache(PolicyName = OutputCaching.LearnerPages)]
    public IActionResult Index() => View();

    /// <summary>The page shown for an error status, in the visitor's language. Re-executed with the failed request's method.</summary>
    [Route("/status/{code:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Status(int code)
    {
        ViewData["Code"] = code;
        return View();
    }
}
