using System.Globalization;
using System.Security.Claims;
using Literacy.CreditBank.Data;
using Literacy.CreditBank.Recognition;
using Literacy.Modules.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Literacy.CreditBank.Controllers;

/// <param name="NotYet">Why the learner cannot send a credential yet (no confirmed email), or null.</param>
/// <param name="CanConfirm">Whether a new confirmation link would help: the account has an email that is not confirmed.</param>
public sealed record RecognitionPage(IReadOnlyList<RecognitionRequest> Requests, IReadOnlyDictionary<string, string> UnitTitles, string? Error, string? NotYet, bool CanConfirm);

/// <summary>A learner asks for learning from another institution to be recognised, by pasting or uploading its signed credential.</summary>
[Authorize]
[Route("credits/recognition")]
public sealed class RecognitionController(CreditBankDbContext db, Recognitions recognitions, IPeople people, IStringLocalizer<CreditBankModule> T) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await PageAsync(null, cancellationToken));

    [HttpPost("")]
    [RequestSizeLimit(64 * 1024)] // a credential is a few kilobytes; anything far larger is refused before it is read
    public async Task<IActionResult> Submit(string? credential, IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is { Length: > 0 })
        {
            using var reader = new StreamReader(file.OpenReadStream());
            credential = await reader.ReadToEndAsync(cancellationToken);
        }

        if (string.IsNullOrWhiteSpace(credential))
        {
            return View("Index", await PageAsync(T["Please paste your credential, or choose its file."], cancellationToken));
        }

        var result = await recognitions.SubmitAsync(await HolderAsync(cancellationToken), credential, cancellationToken);
        if (!result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Index", await PageAsync(result.Message, cancellationToken));
        }

        TempData["Message"] = result.Message;
        return Redirect("/credits/recognition");
    }

    private async Task<Person> HolderAsync(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        return (await people.FindAsync([userId], cancellationToken))[userId];
    }

    private async Task<RecognitionPage> PageAsync(string? error, CancellationToken cancellationToken)
    {
        var holder = await HolderAsync(cancellationToken);
        var userId = holder.Id;
        var requests = await db.RecognitionRequests.AsNoTracking().Where(r => r.UserId == userId).OrderByDescending(r => r.SubmittedUtc).ToListAsync(cancellationToken);
        var culture = CultureInfo.CurrentUICulture.Name;
        var titles = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Title(culture), cancellationToken);
        return new RecognitionPage(requests, titles, error, recognitions.WhyNotYet(holder), holder is { EmailConfirmed: false, Email.Length: > 0 });
    }
}
