namespace Literacy.Modules.People;

/// <summary>A person as other modules may see them: an id, the name they chose, and their role.</summary>
public sealed record Person(string Id, string DisplayName, string Email, string Role);

/// <summary>Looks people up without reaching into the host's account store. The host answers it.</summary>
public interface IPeople
{
    Task<Person?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, Person>> FindAsync(IEnumerable<string> userIds, CancellationToken cancellationToken);
}
