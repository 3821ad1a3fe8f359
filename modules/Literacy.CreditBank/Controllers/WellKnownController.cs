using System.Text.Json.Nodes;
using Literacy.CreditBank.Credentials;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Literacy.CreditBank.Controllers;

/// <summary>The issuer's public keys, for verifiers: a JWK set, and the same keys as a did:web document.</summary>
[AllowAnonymous]
[Route(".well-known")]
public sealed class WellKnownController(IssuerKeys keys, IOptions<CreditBankOptions> options) : Controller
{
    [HttpGet("jwks.json")]
    public async Task<IActionResult> Jwks(CancellationToken cancellationToken)
    {
        var set = new JsonObject { ["keys"] = new JsonArray([.. await keys.PublicJwksAsync(cancellationToken)]) };
        return Content(set.ToJsonString(), "application/jwk-set+json");
    }

    [HttpGet("did.json")]
    public async Task<IActionResult> Did(CancellationToken cancellationToken)
    {
        var did = options.Value.IssuerDid;
        var jwks = await keys.PublicJwksAsync(cancellationToken);
        var methods = jwks.Select(k => (JsonNode)new JsonObject
        {
            ["id"] = $"{did}#{k["kid"]}",
            ["type"] = "JsonWebKey",
            ["controller"] = did,
            ["publicKeyJwk"] = k.DeepClone(),
        });
        var document = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/did/v1", "https://w3id.org/security/jwk/v1"),
            ["id"] = did,
            ["verificationMethod"] = new JsonArray([.. methods]),
            ["assertionMethod"] = new JsonArray([.. jwks.Select(k => (JsonNode)$"{did}#{k["kid"]}")]),
        };
        return Content(document.ToJsonString(), "application/did+json");
    }
}
