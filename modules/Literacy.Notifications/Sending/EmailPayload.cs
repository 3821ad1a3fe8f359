using System.Text.Json;

namespace Literacy.Notifications.Sending;

/// <summary>An email as the outbox keeps it: its type, to whom, and its model. The text is written at send time.</summary>
/// <param name="Culture">The language the recipient was using when it was queued, if they were the one using the site.</param>
internal sealed record EmailPayload(string Type, string? UserId, string? Address, string? Culture, JsonElement Model)
{
    public const string Kind = "email";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static EmailPayload Read(string payload) =>
        JsonSerializer.Deserialize<EmailPayload>(payload, Json) ?? throw new JsonException("An empty email payload.");
}
