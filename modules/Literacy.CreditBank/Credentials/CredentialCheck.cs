using System.Text.Json;

namespace Literacy.CreditBank.Credentials;

public enum CredentialOutcome
{
    Valid,
    Revoked,
    Expired,
    NotYetValid,
    BadSignature,
    StatusUnavailable,
    UnknownIssuer,
    Malformed,
    TooLarge,
}

/// <summary>The result of checking a credential: what is wrong, in a sentence a person can act on, and the claims when they could be read.</summary>
public sealed record CredentialCheck(CredentialOutcome Outcome, string Message, string? Issuer = null, JsonElement? Claims = null)
{
    public bool IsValid => Outcome == CredentialOutcome.Valid;

    /// <summary>The credential's id (a URL), when it could be read.</summary>
    public string? CredentialId => Claims is { } c && c.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
}
