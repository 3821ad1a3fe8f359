using Microsoft.AspNetCore.Identity;

namespace Literacy.Web.Data;

/// <summary>A person with an account. Personal data is kept to what the platform needs.</summary>
public sealed class PlatformUser : IdentityUser
{
    /// <summary>The name shown to trainers and on certificates.</summary>
    [PersonalData]
    public string DisplayName { get; set; } = string.Empty;

    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;

    /// <summary>Elder mode, text size and contrast (<see cref="Literacy.Modules.Display.DisplayPreferences.Value"/>), or null for the defaults.</summary>
    [PersonalData]
    [System.ComponentModel.DataAnnotations.MaxLength(20)]
    public string? DisplayPreferences { get; set; }

    /// <summary>When the person agreed to the privacy notice, and to which version of it (<see cref="Accounts.PrivacyNotice.Version"/>).</summary>
    [PersonalData]
    public DateTime? ConsentedUtc { get; set; }

    [PersonalData]
    public string? ConsentNoticeVersion { get; set; }

    /// <summary>The optional <see cref="Literacy.Modules.People.LearnerProfile"/>: each part null when not told.</summary>
    [PersonalData]
    public string? AgeBand { get; set; }

    [PersonalData]
    public string? Region { get; set; }

    [PersonalData]
    public string? OccupationGroup { get; set; }

    public Literacy.Modules.People.LearnerProfile Profile => new(AgeBand, Region, OccupationGroup);
    /// <summary>The time step of the last authenticator code accepted: that code and older ones are not taken again.</summary>
    public long AuthenticatorTimeStep { get; set; }
}
