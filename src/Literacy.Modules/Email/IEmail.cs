using Microsoft.Extensions.DependencyInjection;

namespace Literacy.Modules.Email;

/// <summary>What an email is about: a person chooses which topics they get. <see cref="Account"/> mail is always sent.</summary>
public enum EmailTopic
{
    Account,
    Enrolment,
    ClassReminder,
    Certificate,
    WeeklyDigest,
    TrainerSummary,
}

/// <summary>
/// One kind of email: a record defined by the module that sends it, holding ids and links rather than text, and a Razor
/// view that renders it in the recipient's language at send time. The view sets <c>ViewData["Subject"]</c>.
/// Register the type with <see cref="EmailRegistration.AddEmail{TEmail}"/>.
/// </summary>
public interface IEmail
{
    EmailTopic Topic { get; }

    /// <summary>The view's path, e.g. "/Areas/Courses/Views/Emails/Enrolled.cshtml".</summary>
    string View { get; }
}

/// <summary>A type of email the outbox may carry; only registered types are read back from it.</summary>
public sealed record EmailType(Type Type);

public static class EmailRegistration
{
    public static IServiceCollection AddEmail<TEmail>(this IServiceCollection services)
        where TEmail : IEmail => services.AddSingleton(new EmailType(typeof(TEmail)));
}
