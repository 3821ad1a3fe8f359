using System.ComponentModel.DataAnnotations;

namespace Literacy.Web.Accounts;

/// <summary>A trainer registers a learner in person: the learner's name, optional contact details and their consent.</summary>
public sealed record RegisterInPersonRequest
{
    [Required(ErrorMessage = "Please enter a name.")]
    [StringLength(100, ErrorMessage = "The name can be at most 100 characters.")]
    [Display(Name = "The learner's name")]
    public string DisplayName { get; init; } = string.Empty;

    [Phone(ErrorMessage = "This does not look like a phone number.")]
    [StringLength(20, ErrorMessage = "This does not look like a phone number.")]
    [Display(Name = "Phone number (if they want)")]
    public string? Phone { get; init; }

    [EmailAddress(ErrorMessage = "This does not look like an email address.")]
    [StringLength(256, ErrorMessage = "This does not look like an email address.")]
    [Display(Name = "Email address (if they want)")]
    public string? Email { get; init; }

    [Range(typeof(bool), "true", "true", ErrorMessage = "Please read the privacy notice to the learner and tick the box only when they agree.")]
    [Display(Name = "I read the privacy notice to the learner, and they agreed to have an account")]
    public bool Consent { get; init; }
}

/// <summary>The printable card: the name and the link as a QR code, shown once, right after it is made.</summary>
public sealed record SignInCardPage(string DisplayName, string Link, string QrSvg);

/// <summary>A learner on the trainer's list, with whether their card works.</summary>
public sealed record CardHolder(string UserId, string DisplayName, DateTime? CardIssuedUtc);

public sealed record CardHoldersPage(IReadOnlyList<CardHolder> Holders, string? Search, int Page, bool HasMore);

/// <summary>The email address a trainer gives a learner they registered in person.</summary>
public sealed record LearnerEmailRequest
{
    [EmailAddress(ErrorMessage = "This does not look like an email address.")]
    [StringLength(256, ErrorMessage = "This does not look like an email address.")]
    [Display(Name = "The learner's email address")]
    public string? Email { get; init; }
}

/// <summary>A learner registered in person, as their trainer sees them: contact details, card, and what can be done.</summary>
public sealed record CardLearnerPage(string UserId, string DisplayName, string? Email, bool EmailConfirmed, bool CardWorks, LearnerEmailRequest Form);
