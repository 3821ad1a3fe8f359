using Literacy.Modules.Email;
using Literacy.Notifications.Data;
using Microsoft.EntityFrameworkCore;

namespace Literacy.Notifications.Preferences;

/// <summary>A person's email choices as the page shows them.</summary>
public sealed record EmailChoices(IReadOnlySet<EmailTopic> Topics, string? Culture);

/// <summary>Which email each person wants, and in which language.</summary>
public sealed class EmailPreferences(NotificationsDbContext db, TimeProvider clock)
{
    /// <summary>Everything but the weekly digest, which people ask for.</summary>
    public static IReadOnlySet<EmailTopic> Defaults { get; } =
        Enum.GetValues<EmailTopic>().Where(t => t is not (EmailTopic.Account or EmailTopic.WeeklyDigest)).ToHashSet();

    public async Task<EmailChoices> GetAsync(string userId, CancellationToken cancellationToken)
    {
        var row = await db.Preferences.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        return row is null ? new EmailChoices(Defaults, null) : new EmailChoices(Parse(row.Topics), row.Culture);
    }

    public async Task<IReadOnlySet<string>> SubscribersAsync(EmailTopic topic, IEnumerable<string> userIds, CancellationToken cancellationToken)
    {
        var ids = userIds.ToHashSet();
        var rows = await db.Preferences.AsNoTracking().Where(p => ids.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, p => p.Topics, cancellationToken);
        return ids.Where(id => rows.TryGetValue(id, out var topics) ? Parse(topics).Contains(topic) : Defaults.Contains(topic)).ToHashSet();
    }

    public Task SaveAsync(string userId, IEnumerable<EmailTopic> topics, string? culture, CancellationToken cancellationToken) =>
        UpdateAsync(userId, row =>
        {
            row.Topics = Format(topics);
            row.Culture = culture;
        }, cancellationToken);

    public Task UnsubscribeAsync(string userId, EmailTopic topic, CancellationToken cancellationToken) =>
        UpdateAsync(userId, row => row.Topics = Format(Parse(row.Topics).Where(t => t != topic)), cancellationToken);

    /// <summary>Remembers the language someone used the site in, until they choose one.</summary>
    public Task LearnCultureAsync(string userId, string culture, CancellationToken cancellationToken) =>
        UpdateAsync(userId, row => row.Culture ??= culture, cancellationToken);

    private async Task UpdateAsync(string userId, Action<EmailPreference> change, CancellationToken cancellationToken)
    {
        var row = await db.Preferences.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (row is null)
        {
            row = new EmailPreference { UserId = userId, Topics = Format(Defaults) };
            db.Preferences.Add(row);
        }

        change(row);
        row.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (db.Entry(row).State == EntityState.Added)
        {
            // Their first row was written at the same moment by another request: apply the change to that one.
            db.ChangeTracker.Clear();
            await UpdateAsync(userId, change, cancellationToken);
        }
    }

    private static HashSet<EmailTopic> Parse(string topics) =>
        topics.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(t => Enum.TryParse<EmailTopic>(t, out var topic) ? topic : (EmailTopic?)null)
            .OfType<EmailTopic>().ToHashSet();

    private static string Format(IEnumerable<EmailTopic> topics) => string.Join(',', topics.Where(t => t != EmailTopic.Account).Distinct().Order());
}
