namespace Literacy.LiveClasses.Data;

/// <summary>A scheduled live class. Its classroom state is not here: it is the class's event log.</summary>
public sealed class LiveClass
{
    public required string Id { get; set; }

    public required string Title { get; set; }

    /// <summary>A published course the class belongs to, if any.</summary>
    public string? CourseId { get; set; }

    public required string TrainerId { get; set; }

    public DateTime StartUtc { get; set; }

    public int DurationMinutes { get; set; }

    public int Capacity { get; set; }

    /// <summary>Markdown; slides are separated by a line with only ---.</summary>
    public required string Slides { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? EndedUtc { get; set; }

    public DateTime ScheduledEndUtc => StartUtc.AddMinutes(DurationMinutes);

    public List<SignUp> SignUps { get; } = [];
}

/// <summary>A learner's place in a class.</summary>
public sealed class SignUp
{
    public required string ClassId { get; set; }

    public required string UserId { get; set; }

    public DateTime SignedUpUtc { get; set; }
}
