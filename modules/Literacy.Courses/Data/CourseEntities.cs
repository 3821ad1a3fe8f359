namespace Literacy.Courses.Data;

/// <summary>A course across its versions; which version learners see is <see cref="PublishedVersion"/>.</summary>
public sealed class Course
{
    public required string Id { get; set; }

    public string? PublishedVersion { get; set; }

    /// <summary>The version published before the current one, which "restore" brings back.</summary>
    public string? PreviousVersion { get; set; }

    public DateTime CreatedUtc { get; set; }
}

public enum VersionStatus
{
    Draft,
    Published,
    Retired,
}

/// <summary>One installed version of a course package; its lessons, blocks and media hang off (CourseId, Version).</summary>
public sealed class CourseVersion
{
    public required string CourseId { get; set; }

    public required string Version { get; set; }

    public long SortKey { get; set; }

    public VersionStatus Status { get; set; }

    public required string ManifestJson { get; set; }

    public DateTime InstalledUtc { get; set; }

    public required string InstalledBy { get; set; }

    public DateTime? PublishedUtc { get; set; }
}

/// <summary>A lesson of a version in one language, already rendered to safe HTML parts.</summary>
public sealed class LessonContent
{
    public required string CourseId { get; set; }

    public required string Version { get; set; }

    public required string LessonId { get; set; }

    public required string Culture { get; set; }

    public int Order { get; set; }

    public required string Title { get; set; }

    public int Minutes { get; set; }

    public required string PartsJson { get; set; }
}

/// <summary>An interactive block's checked definition (a quiz with its answers, a video); never sent to the browser as is.</summary>
public sealed class BlockContent
{
    public required string CourseId { get; set; }

    public required string Version { get; set; }

    public required string BlockId { get; set; }

    public required string Culture { get; set; }

    public required string LessonId { get; set; }

    public required string Type { get; set; }

    public required string Definition { get; set; }
}

/// <summary>A media file of a version; its bytes live in the content-addressed media store under its hash.</summary>
public sealed class MediaFile
{
    public required string CourseId { get; set; }

    public required string Version { get; set; }

    public required string Path { get; set; }

    public required string Sha256 { get; set; }

    public required string ContentType { get; set; }

    public long Length { get; set; }
}

public sealed class Enrolment
{
    public required string UserId { get; set; }

    public required string CourseId { get; set; }

    public DateTime EnrolledUtc { get; set; }

    /// <summary>Set once, when the course is first completed; <see cref="Literacy.Modules.Events.CourseCompleted"/> is raised then.</summary>
    public DateTime? CompletedUtc { get; set; }

    public string? CompletedVersion { get; set; }

    public double? Score { get; set; }
}

/// <summary>A lesson a learner finished, by lesson id, so that it counts across versions that keep the lesson.</summary>
public sealed class LessonCompletion
{
    public required string UserId { get; set; }

    public required string CourseId { get; set; }

    public required string LessonId { get; set; }

    public DateTime CompletedUtc { get; set; }
}

/// <summary>A trainer who follows the learners of a course.</summary>
public sealed class CourseTrainer
{
    public required string CourseId { get; set; }

    public required string UserId { get; set; }
}

/// <summary>
/// Something a learner seems interested in, kept to suggest courses: an audience of a course they joined. The learner can
/// see and delete each one; a deleted one comes back only if they join another course for that audience.
/// </summary>
public sealed class InterestTag
{
    public required string UserId { get; set; }

    /// <summary>An audience id, as in course.json (elderly, farmers...).</summary>
    public required string Tag { get; set; }

    /// <summary>The course that gave it.</summary>
    public required string CourseId { get; set; }

    public DateTime AddedUtc { get; set; }
}

/// <summary>A learner who switched personal suggestions off: they see the same list as everyone.</summary>
public sealed class RecommendationsOff
{
    public required string UserId { get; set; }

    public DateTime SinceUtc { get; set; }
}
