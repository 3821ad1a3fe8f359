using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Literacy.Courses.Controllers;

[AllowAnonymous]
[Route("courses")]
public sealed class CatalogController : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View();
}
