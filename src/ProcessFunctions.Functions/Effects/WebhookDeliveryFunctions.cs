using Microsoft.Azure.Functions.Worker;
using ProcessFunctions.Domain.Effects;
using ProcessFunctions.Domain.Webhooks;
using ProcessFunctions.Functions.Configuration;
using ProcessFunctions.Storage;

namespace ProcessFunctions.Functions.Effects;

/// <summary>
/// Makes webhook delivery attempts from the <c>webhook-deliveries</c> queue. Failed attempts are
/// rescheduled by the deliverer itself (backoff as delayed messages); only a job that throws,
/// such as when storage is down, goes through the queue's retries and then to the poison queue.
/// </summary>
public sealed class WebhookDeliveryFunctions(WebhookDeliverer deliverer, EffectProcessor processor)
{
    [Function(nameof(DeliverWebhook))]
    public Task DeliverWebhook(
        [QueueTrigger(QueueNames.WebhookDeliveries, Connection = AppSettings.StorageConnectionName)] string message,
        CancellationToken cancellationToken) =>
        deliverer.DeliverAsync(message, cancellationToken);

    [Function(nameof(RecordPoisonedWebhookDeliveries))]
    public Task RecordPoisonedWebhookDeliveries(
        [QueueTrigger(QueueNames.WebhookDeliveriesPoison, Connection = AppSettings.StorageConnectionName)] string message,
        CancellationToken cancellationToken) =>
        processor.RecordPoisonedAsync(message, FailureKind.DeliveryPoisoned, cancellationToken);
}
