using Literacy.Modules.Email;
using Literacy.Notifications.Preferences;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Literacy.Notifications.Controllers;

public sealed record UnsubscribePage(string Token, EmailTopic Topic, bool Done);

/// <summary>
/// The link at the foot of every email that is not about the account itself. It works without signing in: the signed token
/// says who and what. Opening it asks for one press (mail scanners open links, and must not unsubscribe anyone); mail apps
/// that support one-click unsubscribe (RFC 8058) post to it directly.
/// </summary>
[AllowAnonymous]
[Route("email/unsubscribe")]
public sealed class UnsubscribeController(UnsubscribeTokens tokens, EmailPreferences preferences) : Controller
{
    [HttpGet("")]
    public IActionResult Index(string? t) => tokens.Read(t) is { } read
        ? View(new UnsubscribePage(t!, read.Topic, Done: false))
        : Invalid();

    [HttpPost("")]
    [IgnoreAntiforgeryToken] // the signed token is the proof; mail apps post without a form
    public async Task<IActionResult> Confirm(string? t, CancellationToken cancellationToken)
    {
        if (tokens.Read(t) is not { } read)
        {
            return Invalid();
        }

        await preferences.UnsubscribeAsync(read.UserId, read.Topic, cancellationToken);
        return View("Index", new UnsubscribePage(t!, read.Topic, Done: true));
    }

    private ViewResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Invalid");
    }
}
