using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Literacy.Web.Accounts;

/// <summary>Identity's error messages in the visitor's language and in plain words.</summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<SiteText> T) : IdentityErrorDescriber
{
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), T["An account with this email address already exists. Try signing in instead."]);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), T["An account with this email address already exists. Try signing in instead."]);

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), T["This does not look like an email address."]);

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), T["This does not look like an email address."]);

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), T["The password must have at least {0} characters.", length]);

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), T["The current password is not right."]);

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), T["This link has expired or was already used. Please ask for a new one."]);

    public override IdentityError DefaultError() => Error(nameof(DefaultError), T["Something went wrong. Please try again."]);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
