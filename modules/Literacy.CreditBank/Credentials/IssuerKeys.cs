using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Literacy.CreditBank.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace Literacy.CreditBank.Credentials;

/// <summary>
/// The issuer's signing keys. One is current and signs; rotated keys retire but stay published, so old credentials still verify.
/// </summary>
public sealed class IssuerKeys(CreditBankDbContext db, IDataProtectionProvider protection, IMemoryCache cache, TimeProvider clock, ILogger<IssuerKeys> logger)
{
    private const string CurrentKey = "issuer-signing-key";

    private readonly IDataProtector protector = protection.CreateProtector("Literacy.CreditBank.SigningKeys");

    /// <summary>
    /// The current key, made on first use. Kept in memory for five minutes (decrypting and importing it costs more than
    /// signing), so a rotation made on another node is picked up within that time.
    /// </summary>
    public async Task<ECDsaSecurityKey> CurrentAsync(CancellationToken cancellationToken) =>
        (await cache.GetOrCreateAsync(CurrentKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5);
            return await LoadCurrentAsync(cancellationToken);
        }))!;

    private async Task<ECDsaSecurityKey> LoadCurrentAsync(CancellationToken cancellationToken)
    {
        var key = await db.SigningKeys.AsNoTracking().Where(k => k.RetiredUtc == null)
            .OrderByDescending(k => k.CreatedUtc).FirstOrDefaultAsync(cancellationToken);
        key ??= await CreateAsync(cancellationToken);
        byte[] privateKey;
        try
        {
            privateKey = protector.Unprotect(Convert.FromBase64String(key.ProtectedPrivateKey));
        }
        catch (CryptographicException e)
        {
            // The data-protection keys that encrypted it are gone (a new machine, a lost key folder). The public half stays
            // published, so what it signed still verifies; a new key signs from now on.
            logger.LogWarning(e, "Signing key {KeyId} cannot be decrypted with this site's data-protection keys; making a new one", key.KeyId);
            await db.SigningKeys.Where(k => k.KeyId == key.KeyId).ExecuteUpdateAsync(s => s.SetProperty(k => k.RetiredUtc, clock.GetUtcNow().UtcDateTime), cancellationToken);
            key = await CreateAsync(cancellationToken);
            privateKey = protector.Unprotect(Convert.FromBase64String(key.ProtectedPrivateKey));
        }

        var ecdsa = ECDsa.Create();
        ecdsa.ImportECPrivateKey(privateKey, out _);
        return new ECDsaSecurityKey(ecdsa) { KeyId = key.KeyId };
    }

    /// <summary>Retires the current key and makes a new one. Returns the new key's id.</summary>
    public async Task<string> RotateAsync(CancellationToken cancellationToken)
    {
        await db.SigningKeys.Where(k => k.RetiredUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RetiredUtc, clock.GetUtcNow().UtcDateTime), cancellationToken);
        cache.Remove(CurrentKey);
        return (await CreateAsync(cancellationToken)).KeyId;
    }

    /// <summary>
    /// Every public key ever used, as JWKs. Never empty: a site that has issued nothing yet makes its first key here, so
    /// another institution can trust it before its first credential.
    /// </summary>
    public async Task<IReadOnlyList<JsonObject>> PublicJwksAsync(CancellationToken cancellationToken)
    {
        if (!await db.SigningKeys.AnyAsync(cancellationToken))
        {
            await CurrentAsync(cancellationToken);
        }

        return (await db.SigningKeys.AsNoTracking().OrderBy(k => k.CreatedUtc).Select(k => k.PublicJwk).ToListAsync(cancellationToken))
            .Select(j => JsonNode.Parse(j)!.AsObject()).ToList();
    }

    public async Task<IReadOnlyList<SecurityKey>> PublicKeysAsync(CancellationToken cancellationToken) =>
        (await db.SigningKeys.AsNoTracking().Select(k => k.PublicJwk).ToListAsync(cancellationToken))
            .Select(j => (SecurityKey)new JsonWebKey(j)).ToList();

    private async Task<SigningKey> CreateAsync(CancellationToken cancellationToken)
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var p = ecdsa.ExportParameters(includePrivateParameters: false);
        var now = clock.GetUtcNow().UtcDateTime;
        var keyId = $"{now:yyyyMMdd}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
        var jwk = new JsonObject
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["x"] = Base64UrlEncoder.Encode(p.Q.X),
            ["y"] = Base64UrlEncoder.Encode(p.Q.Y),
            ["kid"] = keyId,
            ["alg"] = "ES256",
            ["use"] = "sig",
        };
        var key = new SigningKey
        {
            KeyId = keyId,
            CreatedUtc = now,
            PublicJwk = jwk.ToJsonString(),
            ProtectedPrivateKey = Convert.ToBase64String(protector.Protect(ecdsa.ExportECPrivateKey())),
        };
        db.SigningKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return key;
    }
}
