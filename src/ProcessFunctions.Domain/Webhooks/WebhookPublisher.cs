using Microsoft.Extensions.Logging;
using ProcessFunctions.Domain.Effects;

namespace ProcessFunctions.Domain.Webhooks;

/// <summary>
/// Hands an event to every active webhook that wants it: records one delivery per (event,
/// webhook) under an id derived from both, then queues its first attempt. Each hand-over is an
/// effect in the ledger, claimed before and settled after, so a duplicate message makes no
/// second delivery. The HTTP call happens later, in
/// <see cref="WebhookDeliverer"/>, off the step-effects queue.
/// </summary>
public sealed partial class WebhookPublisher(
    IWebhookStore store,
    IDeliveryScheduler scheduler,
    IEffectLedger ledger,
    EffectOptions options,
    ILogger<WebhookPublisher> logger)
{
    public async Task PublishAsync(string accountId, WebhookEvent webhookEvent, CancellationToken cancellationToken)
    {
        var webhooks = await store.ListAsync(accountId, cancellationToken);
        EffectInFlightException? inFlight = null;
        foreach (var webhook in webhooks.Where(w => w.Wants(webhookEvent.Type)))
        {
            // The ledger entry makes one copy of a duplicated message record and queue the delivery.
            var effect = "webhook|" + webhook.Id;
            var claim = await ledger.ClaimAsync(accountId, webhookEvent.Id, effect, options.ClaimLease, cancellationToken);
            if (claim == ClaimOutcome.AlreadySettled)
            {
                continue;
            }

            if (claim == ClaimOutcome.InFlight)
            {
                inFlight = new EffectInFlightException(effect);
                continue;
            }

            try
            {
                var delivery = await QueueAsync(accountId, webhookEvent, webhook, cancellationToken);
                await ledger.CompleteAsync(accountId, webhookEvent.Id, effect, delivery.Id, CancellationToken.None);
                LogQueued(logger, webhookEvent.Type, delivery.Id, webhook.Id);
            }
            catch
            {
                await ledger.ReleaseAsync(accountId, webhookEvent.Id, effect, CancellationToken.None);
                throw;
            }
        }

        if (inFlight is not null)
        {
            throw inFlight;
        }
    }

    /// <summary>The <c>webhook-id</c> of an event's delivery to a webhook, the same on every retry.</summary>
    public static string DeliveryId(string eventId, string webhookId) => DerivedIds.From("msg", eventId, webhookId);

    // A crash after the job is queued but before the ledger says so queues it again when the claim
    // expires: the deliverer drops the second job, because the attempt it asks for was made.
    private async Task<WebhookDelivery> QueueAsync(
        string accountId, WebhookEvent webhookEvent, Webhook webhook, CancellationToken cancellationToken)
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
        await store.InsertDeliveryAsync(accountId, delivery, cancellationToken);
        var job = new DeliveryJob(accountId, webhook.Id, delivery.Id, delivery.EventAt, Attempt: 1);
        await scheduler.EnqueueAsync(job, TimeSpan.Zero, cancellationToken);
        return delivery;
    }

    [LoggerMessage(EventId = 5030, Level = LogLevel.Information,
        Message = "Queued {EventType} delivery {DeliveryId} to webhook {WebhookId}")]
    private static partial void LogQueued(ILogger logger, string eventType, string deliveryId, string webhookId);
}
