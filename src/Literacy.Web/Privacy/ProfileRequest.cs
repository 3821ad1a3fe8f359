using System.ComponentModel.DataAnnotations;
using Literacy.Modules.People;

namespace Literacy.Web.Privacy;

/// <summary>The optional questions: each may be left empty ("I'd rather not say").</summary>
public sealed record AboutYouRequest
{
    public string? AgeBand { get; init; }

    public string? Region { get; init; }

    public string? OccupationGroup { get; init; }

    public LearnerProfile Profile => new(Blank(AgeBand), Blank(Region), Blank(OccupationGroup));

    public static AboutYouRequest Of(LearnerProfile p) => new() { AgeBand = p.AgeBand, Region = p.Region, OccupationGroup = p.OccupationGroup };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>A correction of what the account holds: name, email and the optional questions.</summary>
public sealed record ProfileRequest
{
    [Required(ErrorMessage = "Please enter a name.")]
    [StringLength(100, ErrorMessage = "The name can be at most 100 characters.")]
    [Display(Name = "Your name")]
    public string DisplayName { get; init; } = string.Empty;

    /// <summary>Empty only for a learner registered in person without one, who may still correct the rest.</summary>
    [EmailAddress(ErrorMessage = "This does not look like an email address.")]
    [Display(Name = "Email address")]
    public string? Email { get; init; }

    public AboutYouRequest About { get; init; } = new();
}
