using System.Reflection;
using Literacy.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Literacy.Web.Accounts;

/// <summary>
/// Refuses passwords from a bundled list of common ones (ASVS 5.0 V6.2.4: at least the 3,000 most common that meet the
/// length rule; the list has over 11,000, and the ones common in China first). Letters compare without case.
/// </summary>
public sealed class CommonPasswordValidator(IStringLocalizer<SiteText> T) : IPasswordValidator<PlatformUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<PlatformUser> manager, PlatformUser user, string? password) =>
        Task.FromResult(password is not null && Common.Value.Contains(password)
            ? IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = T["This password is too common and easy to guess. Please choose another one."] })
            : IdentityResult.Success);

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Literacy.Web.Accounts.common-passwords.txt")!;
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line);
            }
        }

        return set;
    }
}
