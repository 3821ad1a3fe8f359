using Literacy.Modules.Email;

namespace Literacy.Courses.Emails;

/// <summary>One course in a learner's week: lessons done of all, and whether it is finished.</summary>
public sealed record DigestCourse(string CourseId, int Done, int Total, bool Completed);

/// <summary>The weekly progress email that learners ask for in their email settings.</summary>
public sealed record WeeklyDigestEmail(int LessonsThisWeek, IReadOnlyList<DigestCourse> Courses, string Link) : IEmail
{
    public EmailTopic Topic => EmailTopic.WeeklyDigest;

    public string View => "/Areas/Courses/Views/Emails/WeeklyDigest.cshtml";
}
