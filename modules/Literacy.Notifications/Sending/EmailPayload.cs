using System.Text.Json;
using Literacy.Data.Outbox;
using Literacy.Modules.Email;

namespace Literacy.Notifications.Sending;

/// <summary>An email as the outbox keeps it: its type, to whom, and its model. The text is written at send time.</summary>
/// <param name="Culture">The language the recipient was using when it was queued, if they were the one using the site.</param>
internal sealed record EmailPayload(string Type, string? UserId, string? Address, string? Culture, JsonElement Model)
{
    public const string Kind = "email";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The outbox request for <paramref name="email"/> to a person (<paramref name="userId"/>) or to a bare address.</summary>
    public static OutboxRequest Request(IEmail email, string? userId, string? address, string? culture, string key) =>
        new(Kind, $"email:{key}", new EmailPayload(email.GetType().FullName!, userId, address, culture,
            JsonSerializer.SerializeToElement(email, email.GetType(), Json)).Serialize());

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static EmailPayload Read(string payload) =>
        JsonSerializer.Deserialize<EmailPayload>(payload, Json) ?? throw new JsonException("An empty email payload.");
}
