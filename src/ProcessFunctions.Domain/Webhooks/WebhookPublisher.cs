using Microsoft.Extensions.Logging;
using ProcessFunctions.Domain.Effects;

namespace ProcessFunctions.Domain.Webhooks;

/// <summary>
/// Hands an event to every active webhook that wants it: records one delivery per (event,
/// webhook) under an id derived from both, then queues its first attempt. Publishing the same
/// event again finds the deliveries recorded and queues only those not queued yet, so a
/// duplicate message makes no second delivery. The HTTP call happens later, in
/// <see cref="WebhookDeliverer"/>, off the step-effects queue.
/// </summary>
public sealed partial class WebhookPublisher(IWebhookStore store, IDeliveryScheduler scheduler, ILogger<WebhookPublisher> logger)
{
    public async Task PublishAsync(string accountId, WebhookEvent webhookEvent, CancellationToken cancellationToken)
    {
        var webhooks = await store.ListAsync(accountId, cancellationToken);
        foreach (var webhook in webhooks.Where(w => w.Wants(webhookEvent.Type)))
        {
            var delivery = new WebhookDelivery
            {
                Id = DeliveryId(webhookEvent.Id, webhook.Id),
                WebhookId = webhook.Id,
                EventId = webhookEvent.Id,
                EventType = webhookEvent.Type,
                EventAt = webhookEvent.Timestamp,
                Body = webhookEvent.Body(),
            };
            var stored = await store.InsertDeliveryAsync(accountId, delivery, cancellationToken)
                ? new StoredDelivery(delivery, "")
                : await store.FindDeliveryAsync(accountId, webhook.Id, delivery.EventAt, delivery.Id, cancellationToken);
            if (stored is null || stored.Delivery.Enqueued)
            {
                continue;
            }

            var job = new DeliveryJob(accountId, webhook.Id, delivery.Id, delivery.EventAt, Attempt: 1);
            await scheduler.EnqueueAsync(job, TimeSpan.Zero, cancellationToken);
            await MarkEnqueuedAsync(accountId, webhook.Id, delivery, cancellationToken);
            LogQueued(logger, webhookEvent.Type, delivery.Id, webhook.Id);
        }
    }

    /// <summary>The <c>webhook-id</c> of an event's delivery to a webhook, the same on every retry.</summary>
    public static string DeliveryId(string eventId, string webhookId) => DerivedIds.From("msg", eventId, webhookId);

    // A crash before this line leaves Enqueued false, and a repeat of the event queues the job again:
    // the deliverer drops the extra job because the attempt it asks for was made.
    private async Task MarkEnqueuedAsync(
        string accountId, string webhookId, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var current = await store.FindDeliveryAsync(accountId, webhookId, delivery.EventAt, delivery.Id, cancellationToken);
        if (current is { Delivery.Enqueued: false })
        {
            await store.ReplaceDeliveryAsync(
                accountId, current.Delivery with { Enqueued = true }, current.StorageTag, cancellationToken);
        }
    }

    [LoggerMessage(EventId = 3100, Level = LogLevel.Information,
        Message = "Queued {EventType} delivery {DeliveryId} to webhook {WebhookId}")]
    private static partial void LogQueued(ILogger logger, string eventType, string deliveryId, string webhookId);
}
