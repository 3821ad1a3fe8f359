using System.Globalization;
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
    RemoteStatusLists remoteLists,
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

        var ours = issuer == options.Value.IssuerDid;
        var signingKeys = ours ? await keys.PublicKeysAsync(cancellationToken) : await TrustedKeysAsync(issuer, cancellationToken);
        if (signingKeys is null)
        {
            return new(CredentialOutcome.UnknownIssuer, T["The issuer {0} is not one we know.", issuer], issuer, claims);
        }

        if (!await IsSignedByAsync(jwt, signingKeys))
        {
            return new(CredentialOutcome.BadSignature, T["The signature does not match: this credential was changed after it was issued, or it was not issued by {0}.", issuer], issuer, claims);
        }

        var now = clock.GetUtcNow();
        if (!TryValidity(claims, out var from, out var until))
        {
            return new(CredentialOutcome.Malformed, T["This credential's dates cannot be read, so we cannot tell whether it is still valid."], issuer, claims);
        }

        if (from > now.AddMinutes(5))
        {
            return new(CredentialOutcome.NotYetValid, T["This credential is not valid before {0:yyyy-MM-dd}.", from], issuer, claims);
        }

        if (until < now)
        {
            return new(CredentialOutcome.Expired, T["This credential expired on {0:yyyy-MM-dd}.", until], issuer, claims);
        }

        return ours ? await OurStatusAsync(claims, issuer, cancellationToken) : await TheirStatusAsync(claims, issuer, signingKeys, cancellationToken);
    }

    /// <summary>Checks a JWT's ES256 signature against the given keys, matched by kid as any JOSE library does.</summary>
    private static async Task<bool> IsSignedByAsync(string jwt, IEnumerable<SecurityKey> signingKeys)
    {
        var result = await Tokens.ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            IssuerSigningKeys = signingKeys,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            ValidateIssuer = false, // the caller checks the credential's own issuer
            ValidateAudience = false,
            ValidateLifetime = false, // checked with the credential's own dates, in plain words (TryValidity)
            RequireExpirationTime = false,
            RequireSignedTokens = true,
        });
        return result.IsValid;
    }

    private async Task<IReadOnlyList<SecurityKey>?> TrustedKeysAsync(string issuer, CancellationToken cancellationToken)
    {
        var jwks = await db.TrustedIssuers.AsNoTracking().Where(i => i.IssuerId == issuer).Select(i => i.Jwks).FirstOrDefaultAsync(cancellationToken);
        return jwks is null ? null : [.. new JsonWebKeySet(jwks).GetSigningKeys()];
    }

    private async Task<CredentialCheck> OurStatusAsync(JsonElement claims, string issuer, CancellationToken cancellationToken)
    {
        var prefix = options.Value.Link("credentials/");
        var id = claims.GetProperty("id").GetString()!;
        var number = id.StartsWith(prefix, StringComparison.Ordinal) && Guid.TryParse(id.AsSpan(prefix.Length), out var g) ? g : Guid.Empty;
        var ours = await db.Credentials.AsNoTracking().Where(c => c.Id == number)
            .Select(c => new { c.RevokedUtc }).FirstOrDefaultAsync(cancellationToken);
        if (ours is null)
        {
            return new(CredentialOutcome.BadSignature, T["We have no record of issuing this credential."], issuer, claims);
        }

        return ours.RevokedUtc is { } revoked
            ? new(CredentialOutcome.Revoked, T["This credential was revoked on {0:yyyy-MM-dd}.", revoked], issuer, claims)
            : new(CredentialOutcome.Valid, T["This credential is genuine and valid."], issuer, claims);
    }

    /// <summary>Another issuer's credential is revoked when its bit is set in their status list, itself signed by them.</summary>
    private async Task<CredentialCheck> TheirStatusAsync(JsonElement claims, string issuer, IReadOnlyList<SecurityKey> signingKeys, CancellationToken cancellationToken)
    {
        // VC 2.0 allows one status entry or a list of them.
        var entries = !claims.TryGetProperty("credentialStatus", out var status) ? []
            : status.ValueKind == JsonValueKind.Array ? status.EnumerateArray().ToList()
            : [status];
        foreach (var entry in entries)
        {
            var purpose = Text(entry, "statusPurpose") ?? "revocation";
            if (purpose is not ("revocation" or "suspension"))
            {
                continue;
            }

            var listUrl = Text(entry, "statusListCredential");
            var index = entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("statusListIndex", out var i)
                && int.TryParse(i.ValueKind == JsonValueKind.String ? i.GetString() : i.GetRawText(), out var n) && n >= 0 ? n : -1;
            var set = listUrl is null || index < 0 ? null : await IsSetInListAsync(listUrl, index, issuer, signingKeys, cancellationToken);
            if (set is null)
            {
                return new(CredentialOutcome.StatusUnavailable, T["We could not check with {0} whether this credential was revoked. Please try again later.", issuer], issuer, claims);
            }

            if (set.Value)
            {
                return new(CredentialOutcome.Revoked, T["{0} has revoked this credential.", issuer], issuer, claims);
            }
        }

        return new(CredentialOutcome.Valid, T["This credential is genuine and valid."], issuer, claims);
    }

    /// <summary>The bit, or null when the list cannot be fetched, is not signed by the issuer, or cannot be read.</summary>
    private async Task<bool?> IsSetInListAsync(string listUrl, int index, string issuer, IReadOnlyList<SecurityKey> signingKeys, CancellationToken cancellationToken)
    {
        var list = await remoteLists.FetchAsync(listUrl, cancellationToken);
        if (list is null || Read(list) is not { } token || !await IsSignedByAsync(list, signingKeys)
            || !TryPayload(token, out var listClaims) || IssuerOf(listClaims) != issuer || !TryEncodedList(listClaims, out var encoded))
        {
            return null;
        }

        try
        {
            return StatusList.IsSet(encoded, index);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool TryEncodedList(JsonElement claims, out string encoded)
    {
        encoded = claims.TryGetProperty("credentialSubject", out var s) && s.ValueKind == JsonValueKind.Object
            && s.TryGetProperty("encodedList", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString()! : string.Empty;
        return encoded.Length > 0;
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

    private static readonly (string Name, bool Starts)[] Dates =
        [("validFrom", true), ("issuanceDate", true), ("nbf", true), ("validUntil", false), ("expirationDate", false), ("exp", false)];

    /// <summary>
    /// When the credential starts and stops being valid, under every name issuers use (VC 2.0, VC 1.1, the JWT's own): the
    /// latest start and the earliest end count. False when one is there but unreadable, which must not pass for "no end".
    /// </summary>
    private static bool TryValidity(JsonElement claims, out DateTimeOffset? from, out DateTimeOffset? until)
    {
        (from, until) = (null, null);
        foreach (var (name, starts) in Dates)
        {
            if (!claims.TryGetProperty(name, out var value))
            {
                continue;
            }

            DateTimeOffset? date = value.ValueKind switch
            {
                JsonValueKind.String when DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) => d,
                JsonValueKind.Number when value.TryGetInt64(out var seconds) && seconds is >= 0 and <= 253_402_300_799 => DateTimeOffset.FromUnixTimeSeconds(seconds),
                _ => null,
            };
            if (date is null)
            {
                return false;
            }

            (from, until) = starts ? (from is null || date > from ? date : from, until) : (from, until is null || date < until ? date : until);
        }

        return true;
    }
}
