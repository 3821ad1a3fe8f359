using Literacy.Modules.Display;
using Literacy.Modules.Permissions;
using Literacy.Web.Data;
using Literacy.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Literacy.Web.Accounts;

/// <summary>
/// A trainer at a community centre registers an older learner in person, with their consent, and prints a QR sign-in card;
/// a lost card is revoked, a new one issued. Each issue and revocation goes to the audit trail. A card signs its holder in
/// as the learner, so a trainer sees and handles the cards of the learners they registered only; an administrator, all.
/// </summary>
[Authorize(Policy = HostPermissions.IssueSignInCards)]
[Route("cards")]
public sealed class SignInCardsController(
    UserManager<PlatformUser> users,
    PlatformDbContext db,
    SignInCards cards,
    TimeProvider clock,
    IStringLocalizer<SiteText> T) : Controller
{
    private const int PageSize = 50;

    /// <summary>The learners whose cards this trainer handles, newest first, 50 to a page, or those whose name has <paramref name="search"/>.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(string? search, int page = 1, CancellationToken cancellationToken = default)
    {
        var holders = cards.RegisteredBy(User).Join(db.Users, c => c.UserId, u => u.Id, (c, u) => new { u.Id, u.DisplayName, c.RecordedUtc });
        if (!string.IsNullOrWhiteSpace(search))
        {
            var name = search.Trim();
            holders = holders.Where(x => x.DisplayName.Contains(name));
        }

        page = Math.Max(1, page);
        var rows = await holders
            .OrderByDescending(x => x.RecordedUtc)
            .Skip((page - 1) * PageSize).Take(PageSize + 1)
            .Select(x => new CardHolder(x.Id, x.DisplayName,
                db.SignInCards.Where(s => s.UserId == x.Id && s.RevokedUtc == null).Select(s => (DateTime?)s.IssuedUtc).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return View(new CardHoldersPage(rows.Take(PageSize).ToList(), search, page, rows.Count > PageSize));
    }

    [HttpGet("new")]
    public IActionResult Register() => View(new RegisterInPersonRequest());

    [HttpPost("new")]
    [RequestSizeLimit(CredentialLimits.MaxFormBytes)]
    public async Task<IActionResult> Register(RegisterInPersonRequest request, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(request);
        }

        var email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim();
        var learner = new PlatformUser
        {
            UserName = email ?? $"card-{Guid.NewGuid():N}",
            Email = email,
            PhoneNumber = string.IsNullOrWhiteSpace(request.Phone) ? null : request.Phone.Trim(),
            DisplayName = request.DisplayName.Trim(),
            DisplayPreferences = (DisplayPreferences.Default with { Elder = true }).Value,
        };
        // The account, its role, the consent and the card commit together, or none of them does.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(learner); // no password: the card is the way in
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(learner, Roles.Learner);
        }

        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }

            return View(request);
        }

        var trainerId = users.GetUserId(User)!;
        db.RecordedConsents.Add(new RecordedConsent { UserId = learner.Id, RecordedById = trainerId, RecordedUtc = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        var secret = await cards.IssueAsync(learner, trainerId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CardPage(learner, secret);
    }

    [HttpPost("{userId}/reissue")]
    public async Task<IActionResult> Reissue(string userId, CancellationToken cancellationToken)
    {
        if (await cards.LearnerAsync(User, userId, cancellationToken) is not { } learner)
        {
            return NotFound();
        }

        return CardPage(learner, await cards.IssueAsync(learner, users.GetUserId(User)!, cancellationToken));
    }

    [HttpPost("{userId}/revoke")]
    public async Task<IActionResult> Revoke(string userId, CancellationToken cancellationToken)
    {
        if (await cards.LearnerAsync(User, userId, cancellationToken) is not { } learner)
        {
            return NotFound();
        }

        await cards.RevokeAsync(learner, users.GetUserId(User)!, cancellationToken);
        TempData["Message"] = T["{0}'s card no longer works. You can print a new one when they need it.", learner.DisplayName].Value;
        return RedirectToAction(nameof(Index));
    }

    private ViewResult CardPage(PlatformUser learner, string secret)
    {
        var link = Url.Action("Show", "CardSignIn", new { secret }, Request.Scheme)!;
        return View("Card", new SignInCardPage(learner.DisplayName, link, QrCodes.Svg(link)));
    }
}
