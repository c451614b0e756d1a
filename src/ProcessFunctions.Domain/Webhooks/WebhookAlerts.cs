using System.Globalization;
using System.Net;
using ProcessFunctions.Domain.Accounts;
using ProcessFunctions.Domain.Effects;

namespace ProcessFunctions.Domain.Webhooks;

/// <summary>Emails the account's administrators, once each, that a webhook was disabled.</summary>
public sealed class WebhookAlerts(OnceMailer mailer, IAccountStore accounts, EffectOptions options)
{
    public const string EventType = "webhook.disabled";

    public async Task EnsureDisabledNoticeAsync(string accountId, Webhook webhook, CancellationToken cancellationToken)
    {
        var disabledAt = webhook.DisabledAt ?? webhook.CreatedAt;
        var noticeId = DerivedIds.From(
            "whd", webhook.Id, disabledAt.UtcTicks.ToString(CultureInfo.InvariantCulture));
        var origin = new EmailOrigin(accountId, noticeId, EventType, null, null);
        var members = await accounts.ListAllMembersAsync(accountId, cancellationToken);
        foreach (var admin in members.Where(member => member.Role == MemberRole.Administrator))
        {
            var recipient = new Recipient(admin.Id, admin.Email, admin.DisplayName);
            await mailer.SendAsync(origin, recipient, Compose(webhook, recipient), cancellationToken);
        }
    }

    private EmailMessage Compose(Webhook webhook, Recipient to)
    {
        var subject = $"Webhook to {webhook.Url} was disabled";
        var link = new Uri(options.PublicUrl, $"api/webhooks/{webhook.Id}/deliveries").ToString();
        var reason = webhook.DisabledReason ?? "Its deliveries kept failing.";
        var text = $"Hello {to.DisplayName},\n\nThe webhook {webhook.Id} ({webhook.Url}) was disabled: {reason}\n" +
            "Nothing more is sent to it. Fix the receiver, then delete the webhook and create it again.\n\n" +
            $"Its recent deliveries: {link}\n";
        var html = $"<p>Hello {WebUtility.HtmlEncode(to.DisplayName)},</p>" +
            $"<p>The webhook {WebUtility.HtmlEncode(webhook.Id)} ({WebUtility.HtmlEncode(webhook.Url)}) was disabled: " +
            $"{WebUtility.HtmlEncode(reason)}</p><p>Nothing more is sent to it. Fix the receiver, then delete the " +
            $"webhook and create it again.</p><p><a href=\"{WebUtility.HtmlEncode(link)}\">Its recent deliveries</a></p>";
        return new EmailMessage(new EmailAddress(to.Email, to.DisplayName), subject, html, text,
            new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["subject"] = subject, ["recipientName"] = to.DisplayName, ["webhookUrl"] = webhook.Url,
                ["reason"] = reason, ["deliveriesUrl"] = link,
            });
    }
}
