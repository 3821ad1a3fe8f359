using Literacy.Modules.People;
using Literacy.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Literacy.Web.Privacy;

/// <summary>Everything a person can see and take about themselves: the account, then each module's share.</summary>
public sealed class AccountData(UserManager<PlatformUser> users, IEnumerable<IPersonalData> modules, IStringLocalizer<SiteText> T)
{
    public async Task<IReadOnlyList<PersonalDataPart>> ExportAsync(PlatformUser user, CancellationToken cancellationToken)
    {
        var roles = await users.GetRolesAsync(user);
        var p = user.Profile;
        var account = PersonalDataTables.Of("account", T["Your account"], [user],
            new("name", T["Your name"], u => u.DisplayName),
            new("email", T["Email address"], u => u.Email),
            new("role", T["Role"], _ => string.Join(", ", roles)),
            new("created", T["Created (UTC)"], u => u.CreatedUtc),
            new("consented", T["Agreed to the privacy notice (UTC)"], u => u.ConsentedUtc),
            new("notice-version", T["Version of the notice"], u => u.ConsentNoticeVersion),
            new("age-band", T["Age"], _ => p.AgeBand),
            new("region", T["Region"], _ => p.Region),
            new("occupation-group", T["Work"], _ => p.OccupationGroup),
            new("display", T["Display settings"], u => u.DisplayPreferences));
        List<PersonalDataPart> parts = [new("account", T["Your account"], [account])];
        foreach (var module in modules)
        {
            parts.Add(await module.ExportAsync(user.Id, cancellationToken));
        }

        return parts;
    }
}
