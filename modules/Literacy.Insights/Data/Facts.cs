namespace Literacy.Insights.Data;

/// <summary>A learner as insights knows them: the coarse profile they chose to tell, and when they were first active.</summary>
public sealed class LearnerFact
{
    public required string UserId { get; set; }

    public string? AgeBand { get; set; }

    public string? Region { get; set; }

    public string? OccupationGroup { get; set; }

    /// <summary>The first enrolment, attended class or earned unit: from then on the learner counts as reached.</summary>
    public DateTime? FirstActiveUtc { get; set; }
}

/// <summary>One learner in one course: how far they got.</summary>
public sealed class EnrolmentFact
{
    public required string UserId { get; set; }

    public required string CourseId { get; set; }

    public DateTime EnrolledUtc { get; set; }

    public int LessonsDone { get; set; }

    /// <summary>The lesson finished last: where a learner who has not completed the course stopped.</summary>
    public string? LastLessonId { get; set; }

    public DateTime? CompletedUtc { get; set; }
}

/// <summary>A finished lesson (a progress record); its key makes a repeated event count once.</summary>
public sealed class LessonFact
{
    public required string UserId { get; set; }

    public required string CourseId { get; set; }

    public required string LessonId { get; set; }

    public DateTime CompletedUtc { get; set; }
}

/// <summary>A learner's first answer to one quiz question: right or missed. Later tries do not change it.</summary>
public sealed class AnswerFact
{
    public required string UserId { get; set; }

    public required string CourseId { get; set; }

    public required string QuizId { get; set; }

    /// <summary>The question's position in the quiz, from 1.</summary>
    public int Question { get; set; }

    public bool Right { get; set; }
}

/// <summary>A certification unit a learner earned, with its framework area, level and credits.</summary>
public sealed class AwardFact
{
    public required string UserId { get; set; }

    public required string UnitId { get; set; }

    public required string Area { get; set; }

    public int Level { get; set; }

    public int Credits { get; set; }

    public DateTime EarnedUtc { get; set; }
}

/// <summary>A live class a learner attended.</summary>
public sealed class AttendanceFact
{
    public required string UserId { get; set; }

    public required string ClassId { get; set; }

    public int Minutes { get; set; }

    public DateTime AttendedUtc { get; set; }
}

/// <summary>A monthly development report as written: its figures (already protected) and summaries, kept as they were.</summary>
public sealed class ReportSnapshot
{
    /// <summary>The month reported on, "yyyy-MM".</summary>
    public required string Month { get; set; }

    public DateTime WrittenUtc { get; set; }

    public required string FiguresJson { get; set; }

    public required string SummaryZh { get; set; }

    public required string SummaryEn { get; set; }

    public string Summary(string culture) => culture == "zh-CN" ? SummaryZh : SummaryEn;
}
