using System.Globalization;
using System.Text.Json;
using Literacy.Data.Outbox;
using Literacy.Modules;
using Literacy.Modules.Email;
using Literacy.Modules.People;
using Literacy.Notifications.Preferences;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Literacy.Notifications.Sending;

/// <summary>
/// Sends one queued email: to the person as they are now (their address, their choices, their language), so that an
/// unsubscribe or a changed address after queueing is respected.
/// </summary>
internal sealed class EmailHandler(
    IEnumerable<EmailType> types,
    IPeople people,
    EmailPreferences preferences,
    UnsubscribeTokens tokens,
    EmailRenderer renderer,
    Postman postman,
    SiteLinks links,
    IOptions<RequestLocalizationOptions> localization) : IOutboxHandler
{
    public string Kind => EmailPayload.Kind;

    public async Task<string?> HandleAsync(long id, string payload, CancellationToken cancellationToken)
    {
        var queued = EmailPayload.Read(payload);
        var type = types.Select(t => t.Type).FirstOrDefault(t => t.FullName == queued.Type)
            ?? throw new OutboxRefusedException($"This site has no email of type {queued.Type}.");
        var email = (IEmail)(queued.Model.Deserialize(type, EmailPayload.Json) ?? throw new OutboxRefusedException("The email has no content."));

        string address, name, culture;
        string? unsubscribe = null;
        if (queued.UserId is { } userId)
        {
            var person = (await people.FindAsync([userId], cancellationToken)).GetValueOrDefault(userId);
            if (person is null)
            {
                return "The account no longer exists.";
            }

            if (string.IsNullOrEmpty(person.Email))
            {
                return "They have no email address (a sign-in card account).";
            }

            var choices = await preferences.GetAsync(userId, cancellationToken);
            if (email.Topic != EmailTopic.Account && !choices.Topics.Contains(email.Topic))
            {
                return $"They chose not to get {email.Topic} email.";
            }

            var chosen = choices.Culture;
            if (chosen is null && queued.Culture is not null)
            {
                await preferences.LearnCultureAsync(userId, queued.Culture, cancellationToken);
            }

            (address, name, culture) = (person.Email, person.DisplayName, chosen ?? queued.Culture ?? SiteCulture);
            if (email.Topic != EmailTopic.Account)
            {
                unsubscribe = links.To($"/email/unsubscribe?t={Uri.EscapeDataString(tokens.Create(userId, email.Topic))}");
            }
        }
        else
        {
            (address, name, culture) = (queued.Address!, string.Empty, queued.Culture ?? SiteCulture);
        }

        if (!MailboxAddress.TryParse(address, out var parsed) || parsed is not MailboxAddress mailbox)
        {
            throw new OutboxRefusedException($"'{address}' is not an email address.");
        }

        // The name goes into the header only as MimeKit encodes it: a line break in it cannot start a header of its own.
        var to = new MailboxAddress(name, mailbox.Address);
        var rendered = await renderer.RenderAsync(email, CultureInfo.GetCultureInfo(culture), unsubscribe, links.To("/account/email"));
        await postman.SendAsync(id, to, rendered, unsubscribe, cancellationToken);
        return null;
    }

    private string SiteCulture => localization.Value.DefaultRequestCulture.UICulture.Name;
}
