using System.IO.Compression;
using System.Text.Json.Nodes;
using Literacy.CreditBank.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Literacy.CreditBank.Credentials;

/// <summary>
/// The revocation list as a Bitstring Status List credential (W3C): one bit per issued credential, set when it is revoked,
/// GZIP-compressed and base64url-encoded, signed like any credential so a verifier can trust it. Anyone may ask for it,
/// so a signed list is kept for half a minute (a revocation on this node replaces it at once; other nodes' within that).
/// </summary>
public sealed class StatusList(CreditBankDbContext db, CredentialIssuer issuer, IMemoryCache cache, IOptions<CreditBankOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Kept = TimeSpan.FromSeconds(30);

    /// <summary>
    /// List <paramref name="list"/> (1, 2, ...): the bits of credentials whose status index falls in it; null when no
    /// credential points to it, so asking for every possible list number signs nothing.
    /// </summary>
    public async Task<string?> SignedAsync(int list, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(Key(list), out string? kept))
        {
            return kept;
        }

        var (from, to) = ((list - 1) * CredentialIssuer.StatusListSize, list * CredentialIssuer.StatusListSize);
        if (!await db.Credentials.AnyAsync(c => c.StatusIndex >= from && c.StatusIndex < to, cancellationToken))
        {
            return null;
        }

        var signed = await SignAsync(list, from, to, cancellationToken);
        cache.Set(Key(list), signed, Kept);
        return signed;
    }

    /// <summary>Drops the kept copy of the list that holds this credential's bit: its revocation shows at the next request.</summary>
    public void Forget(int statusIndex) => cache.Remove(Key(statusIndex / CredentialIssuer.StatusListSize + 1));

    private static (string, int) Key(int list) => ("status-list", list);

    private async Task<string> SignAsync(int list, int from, int to, CancellationToken cancellationToken)
    {
        var revoked = await db.Credentials.AsNoTracking().Where(c => c.RevokedUtc != null && c.StatusIndex >= from && c.StatusIndex < to)
            .Select(c => c.StatusIndex - from).ToListAsync(cancellationToken);
        var o = options.Value;
        var credential = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2"),
            ["id"] = o.Link($"credentials/status/{list}"),
            ["type"] = new JsonArray("VerifiableCredential", "BitstringStatusListCredential"),
            ["issuer"] = o.IssuerDid,
            ["validFrom"] = clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = o.Link($"credentials/status/{list}#list"),
                ["type"] = "BitstringStatusList",
                ["statusPurpose"] = "revocation",
                ["encodedList"] = Encode(revoked),
            },
            ["iss"] = o.IssuerDid,
        };
        return await issuer.SignAsync(credential, cancellationToken);
    }

    /// <summary>Multibase base64url ("u" prefix) of the GZIP-compressed bitstring; bit 0 is the left-most bit of the first byte.</summary>
    internal static string Encode(IEnumerable<int> revoked)
    {
        var bits = new byte[CredentialIssuer.StatusListSize / 8];
        foreach (var i in revoked)
        {
            bits[i / 8] |= (byte)(0x80 >> (i % 8));
        }

        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal))
        {
            gzip.Write(bits);
        }

        return "u" + Base64UrlEncoder.Encode(compressed.ToArray());
    }

    /// <summary>A list may not unpack to more than this: far above any real list, far below what a small gzip bomb would take.</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    /// <summary>The bit, or null when the list does not reach the index or unpacks to more than <see cref="MaxBytes"/>.</summary>
    public static bool? IsSet(string encodedList, int index)
    {
        using var gzip = new GZipStream(new MemoryStream(Base64UrlEncoder.DecodeBytes(encodedList.StartsWith('u') ? encodedList[1..] : encodedList)), CompressionMode.Decompress);
        using var bits = new MemoryStream();
        var buffer = new byte[81_920];
        for (int read; (read = gzip.Read(buffer)) > 0;)
        {
            if (bits.Length + read > MaxBytes)
            {
                return null;
            }

            bits.Write(buffer, 0, read);
        }

        return index / 8 >= bits.Length ? null : (bits.GetBuffer()[index / 8] & (0x80 >> (index % 8))) != 0;
    }
}
