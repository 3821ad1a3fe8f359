using System.Globalization;
using Literacy.CreditBank.Credentials;
using Literacy.CreditBank.Data;
using Literacy.Modules.Competencies;
using Literacy.Modules.Display;
using Literacy.Modules.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Literacy.CreditBank.Controllers;

public sealed record CredentialPage(
    IssuedCredential Credential,
    CertificationUnit Unit,
    string HolderName,
    CredentialCheck Check,
    string PageUrl,
    string QrSvg,
    string IssuerName,
    string Culture);

public sealed record UnitPage(CertificationUnit Unit, CompetencyFramework Framework, string Culture, string IssuerName);

/// <summary>Public pages of a credential: anyone with the link can check it, print it or download the signed original. No sign-in.</summary>
[AllowAnonymous]
[Route("credentials")]
public sealed class CredentialsController(
    CreditBankDbContext db,
    CredentialVerifier verifier,
    StatusList statusList,
    IPeople people,
    ICompetencyFrameworkSource frameworks,
    IOptions<CreditBankOptions> options) : Controller
{
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken cancellationToken) =>
        await PageAsync(id, "Show", cancellationToken);

    [HttpGet("{id:guid}/certificate")]
    public async Task<IActionResult> Certificate(Guid id, CancellationToken cancellationToken) =>
        await PageAsync(id, "Certificate", cancellationToken);

    /// <summary>The signed credential as issued (VC-JWT), to verify offline with the keys at /.well-known/jwks.json.</summary>
    [HttpGet("{id:guid}/credential.jwt")]
    public async Task<IActionResult> Download(Guid id, CancellationToken cancellationToken)
    {
        var jwt = await db.Credentials.AsNoTracking().Where(c => c.Id == id).Select(c => c.Jwt).FirstOrDefaultAsync(cancellationToken);
        return jwt is null ? NotFound() : File(System.Text.Encoding.ASCII.GetBytes(jwt), "application/vc+jwt", $"credential-{id}.jwt");
    }

    /// <summary>What a unit certifies: the page every credential's achievement id points to.</summary>
    [HttpGet("units/{unitId}")]
    public async Task<IActionResult> Unit(string unitId, CancellationToken cancellationToken)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, cancellationToken);
        return unit is null ? NotFound() : View(new UnitPage(unit, await frameworks.CurrentAsync(cancellationToken), CultureInfo.CurrentUICulture.Name, options.Value.IssuerName));
    }

    /// <summary>The revocation list (Bitstring Status List credential) that every credential points to.</summary>
    [HttpGet("status/{list:int:range(1,16000)}")]
    public async Task<IActionResult> Status(int list, CancellationToken cancellationToken) =>
        await statusList.SignedAsync(list, cancellationToken) is { } signed ? Content(signed, "application/vc+jwt") : NotFound();

    private async Task<IActionResult> PageAsync(Guid id, string view, CancellationToken cancellationToken)
    {
        var credential = await db.Credentials.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (credential is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return View("Unknown");
        }

        var unit = await db.Units.AsNoTracking().FirstAsync(u => u.Id == credential.UnitId, cancellationToken);
        var userId = await db.Accounts.Where(a => a.Id == credential.AccountId).Select(a => a.UserId).FirstAsync(cancellationToken);
        var holder = (await people.FindAsync([userId], cancellationToken)).GetValueOrDefault(userId)?.DisplayName ?? "—";
        var check = await verifier.VerifyAsync(credential.Jwt, cancellationToken);
        var url = options.Value.Link($"credentials/{id}");
        return View(view, new CredentialPage(credential, unit, holder, check, url, QrCodes.Svg(url), options.Value.IssuerName, CultureInfo.CurrentUICulture.Name));
    }
}
