using Literacy.Modules.Email;

namespace Literacy.Courses.Emails;

/// <summary>Sent once when a learner joins a course: what it is and how to carry on.</summary>
public sealed record EnrolledEmail(string CourseId, string CourseLink) : IEmail
{
    public EmailTopic Topic => EmailTopic.Enrolment;

    public string View => "/Areas/Courses/Views/Emails/Enrolled.cshtml";
}
