using System.Text.Json;
using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Webhooks;

namespace ProcessFunctions.Storage.Webhooks;

/// <summary>Queues delivery attempts on <c>webhook-deliveries</c>; a retry is a message kept invisible for its backoff.</summary>
public sealed class QueueDeliveryScheduler(StorageClients storage) : IDeliveryScheduler
{
    // A queue message may stay invisible for at most 7 days.
    private static readonly TimeSpan MaxDelay = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    public async Task EnqueueAsync(DeliveryJob job, TimeSpan delay, CancellationToken cancellationToken)
    {
        var text = JsonSerializer.Serialize(job, ApiJson.Lenient);
        var visibility = delay <= TimeSpan.Zero ? (TimeSpan?)null : delay > MaxDelay ? MaxDelay : delay;
        await storage.Queue(QueueNames.WebhookDeliveries).SendMessageAsync(
            text, visibility, timeToLive: TimeSpan.FromDays(7), cancellationToken);
    }
}
