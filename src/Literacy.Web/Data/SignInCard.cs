namespace Literacy.Web.Data;

/// <summary>
/// A printed QR sign-in card for a learner who cannot manage a password. Only a hash of the card's secret is kept, so the
/// database alone cannot make a card. A revoked card stops working at once.
/// </summary>
public sealed class SignInCard
{
    public Guid Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>SHA-256 of the secret in the card's link, hex.</summary>
    public required string SecretHash { get; set; }

    public DateTime IssuedUtc { get; set; }

    public required string IssuedById { get; set; }

    public DateTime? RevokedUtc { get; set; }

    public string? RevokedById { get; set; }
}

/// <summary>The learner's consent to an account, given in person and recorded by the trainer who registered them.</summary>
public sealed class RecordedConsent
{
    public required string UserId { get; set; }

    public required string RecordedById { get; set; }

    public DateTime RecordedUtc { get; set; }
}
