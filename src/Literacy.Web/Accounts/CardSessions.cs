using System.Security.Claims;

namespace Literacy.Web.Accounts;

/// <summary>
/// A session begun with a QR sign-in card. A card is printed and carried, so it can be lost, and whoever finds it signs
/// in. Such a session is for learning: it cannot hand the account to someone else (a new email address, from which a
/// password can be set) or delete it. The trainer who registered the learner does both, with the learner.
/// </summary>
public static class CardSessions
{
    /// <summary>The sign-in's authentication method, kept in the session's claims.</summary>
    public const string Method = "card";

    public static bool IsCardSession(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.AuthenticationMethod) == Method;
}
