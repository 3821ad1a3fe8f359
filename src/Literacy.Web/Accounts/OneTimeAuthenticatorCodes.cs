using Literacy.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace Literacy.Web.Accounts;

/// <summary>
/// Checks authenticator-app codes, each usable once: the time step of the last accepted code is kept with the user, and a
/// code from that step or an earlier one is refused (Identity's own provider would accept it again within its window).
/// Two posts of one code race on the user's concurrency stamp, so only one of them signs in.
/// </summary>
public sealed class OneTimeAuthenticatorCodes(TimeProvider clock) : IUserTwoFactorTokenProvider<PlatformUser>
{
    public const string Name = "OneTimeAuthenticator";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<PlatformUser> manager, PlatformUser user) =>
        !string.IsNullOrEmpty(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The person's app makes the codes; the site never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<PlatformUser> manager, PlatformUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<PlatformUser> manager, PlatformUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        token = new string(token.Where(char.IsAsciiDigit).ToArray());
        if (string.IsNullOrEmpty(key) || token.Length != 6 || Totp.MatchingStep(Totp.KeyBytes(key), token, clock.GetUtcNow()) is not { } step
            || step <= user.AuthenticatorTimeStep)
        {
            return false;
        }

        user.AuthenticatorTimeStep = step;
        return (await manager.UpdateAsync(user)).Succeeded;
    }
}
