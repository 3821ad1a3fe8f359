using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace Literacy.Courses.Offline;

/// <summary>
/// Whose answers these are: a mark of the signed-in learner, put on lesson pages and into the forms kept offline, so the
/// phone sends kept answers only while the same person is signed in (never on behalf of someone who signed in later).
/// A hash, not the account id: the page need not show the id itself.
/// </summary>
public static class OfflineLearner
{
    public static string Mark(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
            ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"literacy-offline:{id}")))[..16]
            : string.Empty;
}
