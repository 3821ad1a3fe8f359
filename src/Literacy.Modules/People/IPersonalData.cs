namespace Literacy.Modules.People;

/// <summary>
/// A module's share of what it keeps about a person, for the person's rights of access, copy and erasure (PIPL Art. 44–47).
/// Each module that keeps personal data registers one; the host asks them all and knows none by name.
/// </summary>
public interface IPersonalData
{
    /// <summary>Everything the module keeps about the user, in plain words: titles and column names in the current culture.</summary>
    Task<PersonalDataPart> ExportAsync(string userId, CancellationToken cancellationToken);

    /// <summary>
    /// Removes what the module keeps about the user, or, where a record must stay whole for others (a hash-chained ledger),
    /// cuts its link to the person. Runs before the account itself is deleted; running it twice changes nothing more.
    /// </summary>
    Task EraseAsync(string userId, CancellationToken cancellationToken);
}

/// <summary>One module's share of a person's data: a title and some tables.</summary>
/// <param name="Key">A stable, culture-free name for the JSON copy, e.g. "courses".</param>
public sealed record PersonalDataPart(string Key, string Title, IReadOnlyList<PersonalDataTable> Tables);

/// <summary>Rows of one kind (enrolments, quiz attempts...). <see cref="Keys"/> name the columns in the JSON copy.</summary>
public sealed record PersonalDataTable(string Key, string Title, IReadOnlyList<string> Keys, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows);

/// <summary>One column of a <see cref="PersonalDataTable"/>: its JSON key, its title in the current culture, and how to read it from a row.</summary>
public sealed record PersonalDataColumn<T>(string Key, string Title, Func<T, object?> Value);

public static class PersonalDataTables
{
    /// <summary>A table from rows of any shape; times as UTC "yyyy-MM-dd HH:mm:ss", numbers and the rest invariantly.</summary>
    public static PersonalDataTable Of<T>(string key, string title, IEnumerable<T> rows, params IReadOnlyList<PersonalDataColumn<T>> columns) =>
        new(key, title, columns.Select(c => c.Key).ToList(), columns.Select(c => c.Title).ToList(),
            rows.Select(r => (IReadOnlyList<string?>)columns.Select(c => Format(c.Value(r))).ToList()).ToList());

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
