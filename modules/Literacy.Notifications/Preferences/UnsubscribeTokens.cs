using System.Security.Cryptography;
using Literacy.Modules.Email;
using Microsoft.AspNetCore.DataProtection;

namespace Literacy.Notifications.Preferences;

/// <summary>
/// The signed token in an unsubscribe link: it names the person and the topic, and only this site can make one,
/// so the link works without signing in and cannot be changed to unsubscribe someone else.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider protection)
{
    private readonly IDataProtector protector = protection.CreateProtector("Literacy.Notifications.Unsubscribe.v1");

    public string Create(string userId, EmailTopic topic) => protector.Protect($"{topic}:{userId}");

    /// <returns>Null for a token this site did not make, or one that was changed.</returns>
    public (string UserId, EmailTopic Topic)? Read(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var parts = protector.Unprotect(token).Split(':', 2);
            return parts.Length == 2 && Enum.TryParse<EmailTopic>(parts[0], out var topic) && topic != EmailTopic.Account
                ? (parts[1], topic)
                : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
