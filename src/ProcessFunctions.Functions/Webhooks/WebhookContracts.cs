using ProcessFunctions.Domain.Webhooks;

namespace ProcessFunctions.Functions.Webhooks;

/// <summary>A webhook as listed and read: never its secret.</summary>
public sealed record WebhookResponse(
    string Id,
    string Url,
    IReadOnlyList<string> Events,
    string? Description,
    WebhookStatus Status,
    int ConsecutiveFailures,
    DateTimeOffset? DisabledAt,
    string? DisabledReason,
    DateTimeOffset CreatedAt,
    string CreatedBy)
{
    public static WebhookResponse From(Webhook webhook) => new(
        webhook.Id, webhook.Url, webhook.Events, webhook.Description, webhook.Status, webhook.ConsecutiveFailures,
        webhook.DisabledAt, webhook.DisabledReason, webhook.CreatedAt, webhook.CreatedBy);
}

/// <summary>The answer to creating a webhook: the only time its signing secret is shown.</summary>
public sealed record CreatedWebhookResponse(WebhookResponse Webhook, string Secret);

/// <summary>A delivery as listed: its webhook-id, event, status and the receiver's last answer.</summary>
public sealed record DeliveryResponse(
    string Id,
    string EventId,
    string EventType,
    DateTimeOffset EventAt,
    DeliveryStatus Status,
    int Attempts,
    int? ResponseCode,
    string? Error,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? NextAttemptAt)
{
    public static DeliveryResponse From(WebhookDelivery delivery) => new(
        delivery.Id, delivery.EventId, delivery.EventType, delivery.EventAt, delivery.Status, delivery.Attempts,
        delivery.ResponseCode, delivery.Error, delivery.LastAttemptAt, delivery.NextAttemptAt);
}
