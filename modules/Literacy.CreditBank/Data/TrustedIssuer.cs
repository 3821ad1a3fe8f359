namespace Literacy.CreditBank.Data;

/// <summary>Another institution whose credentials this site accepts for recognition, with the public keys that sign them.</summary>
public sealed class TrustedIssuer
{
    /// <summary>The issuer id as it appears in their credentials ("issuer" / "iss"), e.g. did:web:other.example.org.</summary>
    public required string IssuerId { get; set; }

    public required string Name { get; set; }

    /// <summary>Their JWK set (public keys only), as the administrator pasted it.</summary>
    public required string Jwks { get; set; }

    public DateTime AddedUtc { get; set; }
}
