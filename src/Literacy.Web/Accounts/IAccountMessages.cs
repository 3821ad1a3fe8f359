using Literacy.Web.Data;

namespace Literacy.Web.Accounts;

/// <summary>Messages an account holder gets outside the site. Email replaces the logged version when it arrives.</summary>
public interface IAccountMessages
{
    Task SendPasswordResetAsync(PlatformUser user, string resetLink, CancellationToken cancellationToken);
}

/// <summary>Until email exists, an operator reads the reset link from the log and passes it on.</summary>
public sealed class LoggedAccountMessages(ILogger<LoggedAccountMessages> logger) : IAccountMessages
{
    public Task SendPasswordResetAsync(PlatformUser user, string resetLink, CancellationToken cancellationToken)
    {
        logger.LogWarning("Password reset requested for user {UserId}: {ResetLink}", user.Id, resetLink);
        return Task.CompletedTask;
    }
}
