using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Literacy.Web.Help;

/// <summary>Help in plain words: how to use the site, how to make it easier to read, and how to stay safe.</summary>
[AllowAnonymous]
public sealed class HelpController : Controller
{
    [OutputCache(PolicyName = Literacy.Modules.OutputCaching.LearnerPages)]
    [HttpGet("/help")]
    public IActionResult Index() => View();
}
