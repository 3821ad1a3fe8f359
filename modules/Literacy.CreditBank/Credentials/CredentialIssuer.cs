using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Literacy.CreditBank.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Literacy.CreditBank.Credentials;

/// <summary>
/// Makes the signed credential for an earned unit: a W3C Verifiable Credential 2.0 of type OpenBadgeCredential (Open Badges 3.0),
/// secured as a JWT (VC-JOSE-COSE, ES256). The learner is named only by a salted hash of their email address.
/// </summary>
public sealed class CredentialIssuer(CreditBankDbContext db, IssuerKeys keys, IMemoryCache cache, IOptions<CreditBankOptions> options)
{
    public const int StatusListSize = 131_072; // bits: the minimum the Bitstring Status List spec recommends, for herd privacy

    private static readonly JsonWebTokenHandler Tokens = new();

    /// <summary>
    /// Builds and signs the credential for a unit earned at <paramref name="issued"/>, before the ledger's transaction,
    /// so that signing does not hold the database's write lock. The award then stores it with the entry.
    /// </summary>
    public async Task<IssuedCredential> PrepareAsync(CertificationUnit unit, string email, DateTime issued, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var id = Guid.NewGuid();
        // A random bit, not the next one, so that a list reveals nothing about the order of issue (as the spec advises).
        // Lists fill to half at most, one after another, counted by ledger entries; the award checks the bit inside the
        // ledger's transaction and prepares the credential again until its bit is free.
        var list = await cache.GetOrCreateAsync("status-list-in-use", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1); // a list fills over days, not a minute
            return (int)((await db.Entries.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0) / (StatusListSize / 2)) + 1;
        });
        var bit = RandomNumberGenerator.GetInt32(StatusListSize);
        var index = (list - 1) * StatusListSize + bit;
        var salt = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var identityHash = "sha256$" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant() + salt)));
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
            ["id"] = o.Link($"credentials/{id}"),
            ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["issuer"] = new JsonObject
            {
                ["id"] = o.IssuerDid,
                ["type"] = new JsonArray("Profile"),
                ["name"] = o.IssuerName,
                ["url"] = o.BaseUri.ToString(),
            },
            ["validFrom"] = issued.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["name"] = unit.TitleEn,
            ["credentialSubject"] = new JsonObject
            {
                ["type"] = new JsonArray("AchievementSubject"),
                ["identifier"] = new JsonArray(new JsonObject
                {
                    ["type"] = "IdentityObject",
                    ["identityType"] = "emailAddress",
                    ["hashed"] = true,
                    ["identityHash"] = identityHash,
                    ["salt"] = salt,
                }),
                ["creditsEarned"] = unit.Credits,
                ["achievement"] = new JsonObject
                {
                    ["id"] = o.Link($"credentials/units/{unit.Id}"),
                    ["type"] = new JsonArray("Achievement"),
                    ["achievementType"] = "Certificate",
                    ["name"] = unit.TitleEn,
                    ["description"] = unit.DescriptionEn,
                    ["criteria"] = new JsonObject { ["narrative"] = unit.DescriptionEn },
                    ["creditsAvailable"] = unit.Credits,
                    ["tag"] = new JsonArray([.. unit.CompetencyIds.Select(c => (JsonNode)$"digcomp:{c}"), $"level:{unit.Level}"]),
                    ["inLanguage"] = "en",
                },
            },
            ["credentialStatus"] = new JsonObject
            {
                ["id"] = o.Link($"credentials/status/{list}#{bit}"),
                ["type"] = "BitstringStatusListEntry",
                ["statusPurpose"] = "revocation",
                ["statusListIndex"] = bit.ToString(CultureInfo.InvariantCulture),
                ["statusListCredential"] = o.Link($"credentials/status/{list}"),
            },
            // Registered JWT claims as well, for verifiers that only know plain JWTs.
            ["iss"] = o.IssuerDid,
            ["jti"] = o.Link($"credentials/{id}"),
            ["iat"] = new DateTimeOffset(issued).ToUnixTimeSeconds(),
        };
        return new IssuedCredential
        {
            Id = id,
            UnitId = unit.Id,
            IssuedUtc = issued,
            StatusIndex = index,
            Jwt = await SignAsync(credential, cancellationToken),
        };
    }

    /// <summary>Signs a credential's JSON with the current key: header {alg: ES256, kid, typ: vc+jwt}.</summary>
    public async Task<string> SignAsync(JsonObject credential, CancellationToken cancellationToken)
    {
        var key = await keys.CurrentAsync(cancellationToken);
        return Tokens.CreateToken(
            credential.ToJsonString(),
            new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
            new Dictionary<string, object> { [JwtHeaderParameterNames.Typ] = "vc+jwt" });
    }
}
