namespace Literacy.Modules.People;

/// <summary>
/// A person as other modules may see them: an id, the name they chose, their email (empty for a learner registered in
/// person) and whether they proved it is theirs, and their role.
/// </summary>
public sealed record Person(string Id, string DisplayName, string Email, bool EmailConfirmed, string Role);

/// <summary>Looks people up without reaching into the host's account store. The host answers it.</summary>
public interface IPeople
{
    Task<Person?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, Person>> FindAsync(IEnumerable<string> userIds, CancellationToken cancellationToken);
}
