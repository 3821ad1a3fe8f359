using Microsoft.EntityFrameworkCore;

namespace Literacy.Data.Outbox;

/// <summary>Work to do once, later, outside the request: an email to send, a report to build.</summary>
/// <param name="Kind">Which <see cref="IOutboxHandler"/> does it, e.g. "email".</param>
/// <param name="Key">Unique for the work: asking twice with one key does it once (e.g. "reminder-24h:class-7:user-3").</param>
/// <param name="Payload">What the handler needs, as JSON.</param>
public sealed record OutboxRequest(string Kind, string Key, string Payload);

/// <summary>
/// The durable outbox. A request is written through the caller's own DbContext, so that it commits or rolls back with the
/// change that caused it (an enrolment and its email); a dispatcher hands it to a background worker after the commit.
/// </summary>
public interface IOutbox
{
    /// <summary>Adds the request inside <paramref name="db"/>'s open transaction, or as its own write when none is open.</summary>
    Task AddAsync(DbContext db, OutboxRequest request, CancellationToken cancellationToken);
}

/// <summary>Does one kind of outbox work. Throw <see cref="OutboxRefusedException"/> when retrying cannot help.</summary>
public interface IOutboxHandler
{
    string Kind { get; }

    /// <returns>Null when done, or why the work was skipped (e.g. the person unsubscribed since).</returns>
    Task<string?> HandleAsync(long id, string payload, CancellationToken cancellationToken);
}

/// <summary>The work can never succeed as asked (a recipient the mail server refuses): marked failed at once, with the reason.</summary>
public sealed class OutboxRefusedException(string reason, Exception? inner = null) : Exception(reason, inner);

/// <summary>An outbox row as operators see it.</summary>
public sealed record OutboxRecord(long Id, string Kind, string Key, string Payload, string State, int Attempts, DateTime CreatedUtc, DateTime? DoneUtc, string? LastError);

/// <summary>Reads the outbox for the people who look after the site, and sends failed work round again.</summary>
public interface IOutboxRecords
{
    Task<OutboxRecord?> FindAsync(string key, CancellationToken cancellationToken);

    /// <summary>Failed work of a kind, newest first.</summary>
    Task<IReadOnlyList<OutboxRecord>> FailedAsync(string kind, int take, CancellationToken cancellationToken);

    /// <summary>Puts failed work back in line, with a fresh count of tries. False if it had not failed.</summary>
    Task<bool> RetryAsync(long id, CancellationToken cancellationToken);

    /// <summary>Work of a kind whose payload contains <paramref name="text"/> (e.g. a person's id), oldest first.</summary>
    Task<IReadOnlyList<OutboxRecord>> MentioningAsync(string kind, string text, CancellationToken cancellationToken);

    /// <summary>Deletes work of a kind whose payload contains <paramref name="text"/>: for erasing a person's data.</summary>
    Task ForgetMentioningAsync(string kind, string text, CancellationToken cancellationToken);
}
