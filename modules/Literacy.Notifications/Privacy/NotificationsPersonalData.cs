using Literacy.Data.Outbox;
using Literacy.Modules.People;
using Literacy.Notifications.Data;
using Literacy.Notifications.Sending;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Literacy.Notifications.Privacy;

/// <summary>
/// A person's email choices and the email the site sent or will send them. Erasing deletes both: the outbox rows hold their
/// name and links, and the record of what was sent is no one else's business.
/// </summary>
public sealed class NotificationsPersonalData(NotificationsDbContext db, IOutboxRecords outbox, IStringLocalizer<NotificationsModule> T) : IPersonalData
{
    public async Task<PersonalDataPart> ExportAsync(string userId, CancellationToken cancellationToken)
    {
        var choices = await db.Preferences.AsNoTracking().Where(p => p.UserId == userId).ToListAsync(cancellationToken);
        var sent = (await outbox.MentioningAsync(EmailPayload.Kind, Mention(userId), cancellationToken))
            .Select(r => (Record: r, Type: EmailPayload.Read(r.Payload).Type)).ToList();
        return new PersonalDataPart("email", T["Email"], [
            PersonalDataTables.Of("choices", T["Your email choices"], choices,
                new("topics", T["Emails you get"], p => p.Topics),
                new("language", T["Language of your emails"], p => p.Culture),
                new("changed", T["Changed (UTC)"], p => p.UpdatedUtc)),
            PersonalDataTables.Of("emails", T["Emails to you"], sent,
                new("kind", T["Kind"], e => e.Type[(e.Type.LastIndexOf('.') + 1)..]),
                new("queued", T["Queued (UTC)"], e => e.Record.CreatedUtc),
                new("state", T["State"], e => e.Record.State),
                new("sent", T["Done (UTC)"], e => e.Record.DoneUtc)),
        ]);
    }

    public async Task EraseAsync(string userId, CancellationToken cancellationToken)
    {
        await db.Preferences.Where(p => p.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await outbox.ForgetMentioningAsync(EmailPayload.Kind, Mention(userId), cancellationToken);
    }

    /// <summary>How a payload names its recipient.</summary>
    private static string Mention(string userId) => $"\"userId\":\"{userId}\"";
}
