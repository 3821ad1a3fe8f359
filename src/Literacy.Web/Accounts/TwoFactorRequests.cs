using System.ComponentModel.DataAnnotations;

namespace Literacy.Web.Accounts;

public sealed record TwoFactorCodeRequest
{
    [Required(ErrorMessage = "Please type the 6-digit code from your authenticator app.")]
    [StringLength(12, ErrorMessage = "Please type the 6-digit code from your authenticator app.")]
    [Display(Name = "Code from your authenticator app")]
    public string Code { get; init; } = string.Empty;

    public bool RememberMe { get; init; }

    public string? ReturnUrl { get; init; }
}

public sealed record RecoveryCodeRequest
{
    [Required(ErrorMessage = "Please type one of your recovery codes.")]
    [StringLength(20, ErrorMessage = "Please type one of your recovery codes.")]
    [Display(Name = "Recovery code")]
    public string Code { get; init; } = string.Empty;

    public string? ReturnUrl { get; init; }
}

/// <summary>The setup page: the key as text and as a QR code, and the form for the first code.</summary>
public sealed record TwoFactorSetupPage(string Key, string QrSvg, bool Required, TwoFactorCodeRequest Form);

/// <summary>Recovery codes, shown once right after they are made.</summary>
public sealed record RecoveryCodesPage(IReadOnlyList<string> Codes);

/// <summary>The page of a person who has two-step sign-in on.</summary>
public sealed record TwoFactorStatusPage(int RecoveryCodesLeft, bool CanTurnOff);
