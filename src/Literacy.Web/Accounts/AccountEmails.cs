using Literacy.Modules.Email;
using Literacy.Web.Data;

namespace Literacy.Web.Accounts;

/// <summary>Asks a new account holder to confirm their address.</summary>
public sealed record ConfirmAccountEmail(string Name, string Link) : IEmail
{
    public EmailTopic Topic => EmailTopic.Account;

    public string View => "/Views/Emails/ConfirmAccount.cshtml";
}

/// <summary>The link to choose a new password.</summary>
public sealed record ResetPasswordEmail(string Name, string Link) : IEmail
{
    public EmailTopic Topic => EmailTopic.Account;

    public string View => "/Views/Emails/ResetPassword.cshtml";
}

/// <summary>Messages an account holder gets outside the site.</summary>
public interface IAccountMessages
{
    Task SendConfirmationAsync(PlatformUser user, string confirmLink, CancellationToken cancellationToken);

    Task SendPasswordResetAsync(PlatformUser user, string resetLink, CancellationToken cancellationToken);
}

public sealed class AccountEmails(IEmails emails, PlatformDbContext db) : IAccountMessages
{
    public Task SendConfirmationAsync(PlatformUser user, string confirmLink, CancellationToken cancellationToken) =>
        emails.QueueAsync(db, user.Id, new ConfirmAccountEmail(user.DisplayName, confirmLink), $"confirm:{user.Id}:{Guid.NewGuid():N}", cancellationToken);

    public Task SendPasswordResetAsync(PlatformUser user, string resetLink, CancellationToken cancellationToken) =>
        emails.QueueAsync(db, user.Id, new ResetPasswordEmail(user.DisplayName, resetLink), $"reset:{user.Id}:{Guid.NewGuid():N}", cancellationToken);
}
