using Literacy.Modules.Email;

namespace Literacy.Notifications.Sending;

/// <summary>The email an administrator sends to check the mail server settings.</summary>
public sealed record TestEmail(string SentBy, string Server) : IEmail
{
    public EmailTopic Topic => EmailTopic.Account;

    public string View => "/Areas/Notifications/Views/Emails/Test.cshtml";
}
