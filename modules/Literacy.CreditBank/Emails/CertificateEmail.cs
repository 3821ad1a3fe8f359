using Literacy.Modules.Email;

namespace Literacy.CreditBank.Emails;

/// <summary>Sent with a new certificate: what was earned and where anyone can check it.</summary>
public sealed record CertificateEmail(string TitleZh, string TitleEn, int Credits, string VerifyLink, string CertificateLink) : IEmail
{
    public EmailTopic Topic => EmailTopic.Certificate;

    public string View => "/Areas/CreditBank/Views/Emails/Certificate.cshtml";
}
