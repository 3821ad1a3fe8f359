using System.Buffers.Text;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Literacy.CreditBank.Credentials;
using Literacy.CreditBank.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Bench.CreditBank;

/// <summary>
/// c) Verifying one issued credential with CredentialVerifier (shape, issuer, published keys, ES256, dates, revocation),
/// beside the bare ES256 check of the same JWT: ECDsa.VerifyData over its signing input with the issuer's public key.
/// </summary>
public static class CredentialBench
{
    public static async Task RunAsync(BenchSite site, Settings settings)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CreditBankDbContext>();
        var jwt = await db.Credentials.AsNoTracking().OrderBy(c => c.StatusIndex).Select(c => c.Jwt).FirstAsync();
        var verifier = scope.ServiceProvider.GetRequiredService<CredentialVerifier>();
        var check = await verifier.VerifyAsync(jwt, CancellationToken.None);
        if (!check.IsValid)
        {
            throw new InvalidOperationException($"The issued credential does not verify: {check.Outcome} {check.Message}");
        }

        var parts = jwt.Split('.');
        var signingInput = Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}");
        var signature = Base64Url.DecodeFromChars(parts[2]);
        using var key = await PublicKeyAsync(db, parts[0]);
        if (!key.VerifyData(signingInput, signature, HashAlgorithmName.SHA256))
        {
            throw new InvalidOperationException("The raw ES256 check disagrees with the verifier.");
        }

        var runs = settings.CredentialRuns;
        var full = await TimeAsync(runs, async () => (await verifier.VerifyAsync(jwt, CancellationToken.None)).IsValid);
        var raw = await TimeAsync(runs, () => Task.FromResult(key.VerifyData(signingInput, signature, HashAlgorithmName.SHA256)));

        Console.WriteLine();
        Console.WriteLine($"c) verifying one credential ({jwt.Length:N0}-character VC-JWT), mean of {runs:N0} runs");
        Console.WriteLine($"   {"CredentialVerifier.VerifyAsync",-36} {full.TotalMicroseconds / runs,10:F0} µs");
        Console.WriteLine($"   {"raw ES256 signature check",-36} {raw.TotalMicroseconds / runs,10:F0} µs");
        Console.WriteLine($"   verifier/raw time ratio: {full / raw:F2}");
    }

    /// <summary>Runs <paramref name="check"/> a tenth as often untimed (warm-up), then <paramref name="runs"/> times timed.</summary>
    private static async Task<TimeSpan> TimeAsync(int runs, Func<Task<bool>> check)
    {
        for (var i = 0; i < Math.Max(10, runs / 10); i++)
        {
            await check();
        }

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++)
        {
            if (!await check())
            {
                throw new InvalidOperationException("A check failed during the timed runs.");
            }
        }

        return clock.Elapsed;
    }

    /// <summary>The issuer's public key named by the JWT header's kid, from the published JWK.</summary>
    private static async Task<ECDsa> PublicKeyAsync(CreditBankDbContext db, string encodedHeader)
    {
        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(encodedHeader));
        var kid = header.RootElement.GetProperty("kid").GetString();
        var jwk = await db.SigningKeys.AsNoTracking().Where(k => k.KeyId == kid).Select(k => k.PublicJwk).SingleAsync();
        using var json = JsonDocument.Parse(jwk);
        return ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint
            {
                X = Base64Url.DecodeFromChars(json.RootElement.GetProperty("x").GetString()),
                Y = Base64Url.DecodeFromChars(json.RootElement.GetProperty("y").GetString()),
            },
        });
    }
}
