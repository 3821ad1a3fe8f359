using System.ComponentModel.DataAnnotations;

namespace Literacy.Web.Accounts;

public sealed record RegisterRequest
{
    [Required(ErrorMessage = "Please enter a name.")]
    [StringLength(100, ErrorMessage = "The name can be at most 100 characters.")]
    [Display(Name = "Your name")]
    public string DisplayName { get; init; } = string.Empty;

    [Required(ErrorMessage = "Please enter your email address.")]
    [EmailAddress(ErrorMessage = "This does not look like an email address.")]
    [Display(Name = "Email address")]
    public string Email { get; init; } = string.Empty;

    [Required(ErrorMessage = "Please choose a password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; init; } = string.Empty;

    [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
    [DataType(DataType.Password)]
    [Display(Name = "Type the password again")]
    public string ConfirmPassword { get; init; } = string.Empty;

    [Display(Name = "Use elder mode: larger text and larger buttons")]
    public bool Elder { get; init; }

    [Range(typeof(bool), "true", "true", ErrorMessage = "To create an account, please read the privacy notice and tick the box to agree.")]
    [Display(Name = "I have read the privacy notice and agree to it")]
    public bool Consent { get; init; }
}

public sealed record LoginRequest
{
    [Required(ErrorMessage = "Please enter your email address.")]
    [EmailAddress(ErrorMessage = "This does not look like an email address.")]
    [Display(Name = "Email address")]
    public string Email { get; init; } = string.Empty;

    [Required(ErrorMessage = "Please enter your password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; init; } = string.Empty;

    [Display(Name = "Keep me signed in on this device")]
    public bool RememberMe { get; init; }

    public string? ReturnUrl { get; init; }
}

public sealed record ChangePasswordRequest
{
    [Required(ErrorMessage = "Please enter your password.")]
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string CurrentPassword { get; init; } = string.Empty;

    [Required(ErrorMessage = "Please choose a password.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string NewPassword { get; init; } = string.Empty;

    [Compare(nameof(NewPassword), ErrorMessage = "The two passwords are not the same.")]
    [DataType(DataType.Password)]
    [Display(Name = "Type the new password again")]
    public string ConfirmPassword { get; init; } = string.Empty;
}

public sealed record ForgotPasswordRequest
{
    [Required(ErrorMessage = "Please enter your email address.")]
    [EmailAddress(ErrorMessage = "This does not look like an email address.")]
    [Display(Name = "Email address")]
    public string Email { get; init; } = string.Empty;
}

public sealed record ResetPasswordRequest
{
    [Required]
    public string Email { get; init; } = string.Empty;

    [Required]
    public string Code { get; init; } = string.Empty;

    [Required(ErrorMessage = "Please choose a password.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string NewPassword { get; init; } = string.Empty;

    [Compare(nameof(NewPassword), ErrorMessage = "The two passwords are not the same.")]
    [DataType(DataType.Password)]
    [Display(Name = "Type the new password again")]
    public string ConfirmPassword { get; init; } = string.Empty;
}

/// <summary>Who is signed in, for the account settings page; the settings themselves come from <c>Menus.Account</c>.</summary>
public sealed record AccountSettingsPage(string DisplayName, string? Email);
