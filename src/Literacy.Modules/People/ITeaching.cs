namespace Literacy.Modules.People;

/// <summary>What one trainer teaches, by id: the courses they are assigned to and the live classes they run.</summary>
public sealed record Taught(IReadOnlySet<string> CourseIds, IReadOnlySet<string> ClassIds)
{
    public static Taught Nothing { get; } = new(new HashSet<string>(), new HashSet<string>());
}

/// <summary>
/// Answers what a trainer teaches, without reaching into another module's data. Each module that assigns teaching
/// registers one (courses: assigned trainers; live classes: who runs a class); ask every registered one and put the answers together.
/// </summary>
public interface ITeaching
{
    Task<Taught> TaughtByAsync(string userId, CancellationToken cancellationToken);
}
