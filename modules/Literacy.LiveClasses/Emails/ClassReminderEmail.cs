using Literacy.Modules.Email;

namespace Literacy.LiveClasses.Emails;

/// <summary>A reminder to a learner with a place: a day before, and again a quarter of an hour before.</summary>
/// <param name="Soon">True for the last reminder, just before the start.</param>
public sealed record ClassReminderEmail(string Title, DateTime StartUtc, int Minutes, string JoinLink, bool Soon) : IEmail
{
    public EmailTopic Topic => EmailTopic.ClassReminder;

    public string View => "/Areas/LiveClasses/Views/Emails/ClassReminder.cshtml";
}

/// <summary>One of a trainer's classes today.</summary>
public sealed record TrainerDayClass(string Title, DateTime StartUtc, int Minutes, int Places, int Taken, string Link);

/// <summary>A trainer's classes of the day, sent in the morning.</summary>
public sealed record TrainerSummaryEmail(IReadOnlyList<TrainerDayClass> Classes) : IEmail
{
    public EmailTopic Topic => EmailTopic.TrainerSummary;

    public string View => "/Areas/LiveClasses/Views/Emails/TrainerSummary.cshtml";
}
