namespace Literacy.CreditBank.Data;

/// <summary>
/// An issuer key pair (P-256, for ES256). The private half is encrypted with ASP.NET Core data protection; the public half
/// stays published after rotation so that every credential ever signed can still be verified.
/// </summary>
public sealed class SigningKey
{
    public required string KeyId { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? RetiredUtc { get; set; }

    public required string PublicJwk { get; set; }

    public required string ProtectedPrivateKey { get; set; }
}
