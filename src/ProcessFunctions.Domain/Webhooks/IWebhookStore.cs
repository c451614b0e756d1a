using System.Net;

namespace ProcessFunctions.Domain.Webhooks;

/// <summary>Webhooks and their deliveries, one partition per account.</summary>
public interface IWebhookStore
{
    Task<StoredWebhook?> FindAsync(string accountId, string webhookId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Webhook>> ListAsync(string accountId, CancellationToken cancellationToken);

    Task InsertAsync(string accountId, Webhook webhook, CancellationToken cancellationToken);

    /// <summary>False when the webhook changed (or went) since it was read.</summary>
    Task<bool> ReplaceAsync(string accountId, Webhook webhook, string storageTag, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string accountId, string webhookId, CancellationToken cancellationToken);

    /// <summary>False when the delivery is recorded already (a duplicate event).</summary>
    Task<bool> InsertDeliveryAsync(string accountId, WebhookDelivery delivery, CancellationToken cancellationToken);

    Task<StoredDelivery?> FindDeliveryAsync(
        string accountId, string webhookId, DateTimeOffset eventAt, string deliveryId, CancellationToken cancellationToken);

    /// <summary>The delivery's new storage tag, or null when it changed since it was read.</summary>
    Task<string?> ReplaceDeliveryAsync(
        string accountId, WebhookDelivery delivery, string storageTag, CancellationToken cancellationToken);

    /// <summary>The most recent deliveries of a webhook, newest event first.</summary>
    Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(
        string accountId, string webhookId, int count, CancellationToken cancellationToken);
}

/// <summary>The <c>webhook-deliveries</c> queue.</summary>
public interface IDeliveryScheduler
{
    /// <summary>Queues a delivery attempt, invisible until <paramref name="delay"/> has passed.</summary>
    Task EnqueueAsync(DeliveryJob job, TimeSpan delay, CancellationToken cancellationToken);
}

/// <summary>The answer of one POST to a webhook target: a status code, or the error that prevented one.</summary>
public sealed record TransportResult(int? StatusCode, string? Error)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;
}

/// <summary>Posts a signed body to a target; refuses to connect to private addresses unless allowed.</summary>
public interface IWebhookTransport
{
    Task<TransportResult> PostAsync(
        Uri target, IReadOnlyDictionary<string, string> headers, string body, CancellationToken cancellationToken);
}

/// <summary>Resolves a host name to its addresses (DNS in production).</summary>
public interface IHostResolver
{
    Task<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken);
}

public sealed class DnsHostResolver : IHostResolver
{
    public async Task<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken cancellationToken) =>
        await Dns.GetHostAddressesAsync(host, cancellationToken);
}
