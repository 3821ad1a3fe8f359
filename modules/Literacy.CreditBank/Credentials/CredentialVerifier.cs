using System.Text.Json;
using Literacy.CreditBank.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Literacy.CreditBank.Credentials;

/// <summary>
/// Checks a VC-JWT the way any outside verifier would: size, shape, issuer, ES256 signature against the issuer's published keys,
/// validity dates, and the revocation status.
/// </summary>
public sealed class CredentialVerifier(
    CreditBankDbContext db,
    IssuerKeys keys,
    IOptions<CreditBankOptions> options,
    TimeProvider clock,
    IStringLocalizer<CreditBankModule> T)
{
    private static readonly JsonWebTokenHandler Tokens = new();

    public async Task<CredentialCheck> VerifyAsync(string jwt, CancellationToken cancellationToken)
    {
        jwt = jwt.Trim();
        if (jwt.Length > options.Value.MaxCredentialBytes)
        {
            return new(CredentialOutcome.TooLarge, T["This is far larger than any credential ({0} characters). Please check that you pasted the right text.", jwt.Length]);
        }

        if (!Tokens.CanReadToken(jwt) || Read(jwt) is not { } token || !TryPayload(token, out var claims))
        {
            return new(CredentialOutcome.Malformed, T["This is not a credential we can read. A credential is a long line of letters and digits with two dots in it."]);
        }

        var issuer = IssuerOf(claims);
        if (issuer is null || !IsCredential(claims))
        {
            return new(CredentialOutcome.Malformed, T["This token is not a verifiable credential: it has no issuer or no credential type."], issuer, claims);
        }

        if (issuer != options.Value.IssuerDid)
        {
            return new(CredentialOutcome.UnknownIssuer, T["The issuer {0} is not one we know.", issuer], issuer, claims);
        }

        var result = await Tokens.ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            IssuerSigningKeys = await keys.PublicKeysAsync(cancellationToken),
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            ValidateIssuer = false, // checked above against the credential's own issuer
            ValidateAudience = false,
            ValidateLifetime = false, // a credential's validity is validFrom/validUntil, checked below
            RequireExpirationTime = false,
            RequireSignedTokens = true,
        });
        if (!result.IsValid)
        {
            return new(CredentialOutcome.BadSignature, T["The signature does not match: this credential was changed after it was issued, or it was not issued by {0}.", issuer], issuer, claims);
        }

        var now = clock.GetUtcNow();
        if (Date(claims, "validFrom") is { } from && from > now.AddMinutes(5))
        {
            return new(CredentialOutcome.NotYetValid, T["This credential is not valid before {0:d}.", from], issuer, claims);
        }

        if (Date(claims, "validUntil") is { } until && until < now)
        {
            return new(CredentialOutcome.Expired, T["This credential expired on {0:d}.", until], issuer, claims);
        }

        var prefix = options.Value.Link("credentials/");
        var id = claims.GetProperty("id").GetString()!;
        var number = id.StartsWith(prefix, StringComparison.Ordinal) && Guid.TryParse(id.AsSpan(prefix.Length), out var g) ? g : Guid.Empty;
        var ours = await db.Credentials.AsNoTracking().Where(c => c.Id == number)
            .Select(c => new { c.RevokedUtc, c.RevocationReason }).FirstOrDefaultAsync(cancellationToken);
        if (ours is null)
        {
            return new(CredentialOutcome.BadSignature, T["We have no record of issuing this credential."], issuer, claims);
        }

        return ours.RevokedUtc is { } revoked
            ? new(CredentialOutcome.Revoked, T["This credential was revoked on {0:d}. Reason: {1}", revoked, ours.RevocationReason ?? string.Empty], issuer, claims)
            : new(CredentialOutcome.Valid, T["This credential is genuine and valid."], issuer, claims);
    }

    private static JsonWebToken? Read(string jwt)
    {
        try
        {
            return new JsonWebToken(jwt);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool TryPayload(JsonWebToken token, out JsonElement claims)
    {
        try
        {
            using var document = JsonDocument.Parse(Base64UrlEncoder.Decode(token.EncodedPayload));
            claims = document.RootElement.Clone();
            return claims.ValueKind == JsonValueKind.Object;
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException)
        {
            claims = default;
            return false;
        }
    }

    /// <summary>The issuer's id: "issuer" may be a string or an object with an id (VC 2.0); "iss", when present, must agree.</summary>
    internal static string? IssuerOf(JsonElement claims)
    {
        var issuer = claims.TryGetProperty("issuer", out var i)
            ? i.ValueKind == JsonValueKind.String ? i.GetString()
            : i.ValueKind == JsonValueKind.Object && i.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null
            : null;
        var iss = claims.TryGetProperty("iss", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        return iss is not null && issuer is not null && iss != issuer ? null : issuer ?? iss;
    }

    private static bool IsCredential(JsonElement claims) =>
        claims.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Array
        && type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && t.GetString() == "VerifiableCredential")
        && claims.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String;

    private static DateTimeOffset? Date(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(v.GetString(), out var d) ? d : null;
}
