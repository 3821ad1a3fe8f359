using Microsoft.EntityFrameworkCore;

namespace Literacy.Modules.Email;

/// <summary>Sends email through the durable outbox, in the transaction of the change that causes it.</summary>
public interface IEmails
{
    /// <summary>
    /// Queues <paramref name="email"/> to a person inside <paramref name="db"/>'s open transaction (or as its own write when
    /// none is open). <paramref name="key"/> makes it once-only: the same key again sends nothing more.
    /// </summary>
    Task QueueAsync(DbContext db, string userId, IEmail email, string key, CancellationToken cancellationToken);

    /// <summary>Who has chosen to receive a topic, for jobs that write to many (a weekly digest).</summary>
    Task<IReadOnlySet<string>> SubscribersAsync(EmailTopic topic, IEnumerable<string> userIds, CancellationToken cancellationToken);
}
