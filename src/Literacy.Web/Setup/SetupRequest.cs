using System.ComponentModel.DataAnnotations;

namespace Literacy.Web.Setup;

public sealed record SetupRequest
{
    [Required]
    public string Token { get; init; } = string.Empty;

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

    [Display(Name = "Also add demo learners and a demo trainer")]
    public bool AddDemoUsers { get; init; }
}
