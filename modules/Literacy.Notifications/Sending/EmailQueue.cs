using System.Globalization;
using System.Security.Claims;
using Literacy.Data.Outbox;
using Literacy.Modules.Email;
using Literacy.Notifications.Preferences;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Literacy.Notifications.Sending;

internal sealed class EmailQueue(IOutbox outbox, EmailPreferences preferences, IHttpContextAccessor http) : IEmails
{
    public Task QueueAsync(DbContext db, string userId, IEmail email, string key, CancellationToken cancellationToken)
    {
        // The page's language is the recipient's own only when they are the one using the site (or not signed in yet).
        var actor = http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var culture = http.HttpContext is not null && (actor is null || actor == userId) ? CultureInfo.CurrentUICulture.Name : null;
        return outbox.AddAsync(db, EmailPayload.Request(email, userId, null, culture, key), cancellationToken);
    }

    public Task<IReadOnlySet<string>> SubscribersAsync(EmailTopic topic, IEnumerable<string> userIds, CancellationToken cancellationToken) =>
        preferences.SubscribersAsync(topic, userIds, cancellationToken);
}
