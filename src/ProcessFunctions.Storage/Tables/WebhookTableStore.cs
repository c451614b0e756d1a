using Azure;
using Azure.Data.Tables;
using ProcessFunctions.Domain.Webhooks;

namespace ProcessFunctions.Storage.Tables;

/// <summary>
/// Table "webhooks", one partition per account: a row per webhook and a row per delivery,
/// keyed by webhook and event time (newest first) so a webhook's recent deliveries are one
/// range read. Delivery bodies are stored compressed, as sent.
/// </summary>
public sealed class WebhookTableStore(StorageClients storage) : IWebhookStore
{
    public const string TableName = "webhooks";
    private const string WebhookPrefix = "webhook|";
    private const string DeliveryPrefix = "delivery|";

    private static readonly string[] DeliveryColumns =
    [
        "RowKey", "WebhookId", "EventId", "EventType", "EventAt", "Status", "Attempts", "ResponseCode", "Error",
        "LastAttemptAt", "NextAttemptAt",
    ];

    private readonly TableClient _table = storage.Table(TableName);

    public async Task<StoredWebhook?> FindAsync(string accountId, string webhookId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(
            accountId, WebhookPrefix + webhookId, cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } row ? new StoredWebhook(ToWebhook(row), row.ETag.ToString()) : null;
    }

    public async Task<IReadOnlyList<Webhook>> ListAsync(string accountId, CancellationToken cancellationToken)
    {
        var webhooks = new List<Webhook>();
        await foreach (var row in _table.QueryAsync<TableEntity>(
            TablePaging.StartsWith(accountId, WebhookPrefix), cancellationToken: cancellationToken))
        {
            webhooks.Add(ToWebhook(row));
        }

        return webhooks;
    }

    public async Task InsertAsync(string accountId, Webhook webhook, CancellationToken cancellationToken) =>
        await _table.AddEntityAsync(ToEntity(accountId, webhook), cancellationToken);

    public async Task<bool> ReplaceAsync(
        string accountId, Webhook webhook, string storageTag, CancellationToken cancellationToken)
    {
        try
        {
            await _table.UpdateEntityAsync(
                ToEntity(accountId, webhook), new ETag(storageTag), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>Deletes the webhook, then its deliveries; jobs still queued find no delivery and are dropped.</summary>
    public async Task<bool> DeleteAsync(string accountId, string webhookId, CancellationToken cancellationToken)
    {
        var response = await _table.DeleteEntityAsync(accountId, WebhookPrefix + webhookId, ETag.All, cancellationToken);
        if (response.Status == 404)
        {
            return false;
        }

        var batch = new List<TableTransactionAction>();
        await foreach (var row in _table.QueryAsync<TableEntity>(
            TablePaging.StartsWith(accountId, $"{DeliveryPrefix}{webhookId}|"), select: ["RowKey"],
            cancellationToken: cancellationToken))
        {
            batch.Add(new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All));
            if (batch.Count == 100)
            {
                await _table.SubmitTransactionAsync(batch, cancellationToken);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await _table.SubmitTransactionAsync(batch, cancellationToken);
        }

        return true;
    }

    public async Task<bool> InsertDeliveryAsync(string accountId, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(ToEntity(accountId, delivery), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<StoredDelivery?> FindDeliveryAsync(
        string accountId, string webhookId, DateTimeOffset eventAt, string deliveryId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(
            accountId, DeliveryRow(webhookId, eventAt, deliveryId), cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } row
            ? new StoredDelivery(ToDelivery(row, CompressedDocument.Read<string>(row)), row.ETag.ToString())
            : null;
    }

    public async Task<string?> ReplaceDeliveryAsync(
        string accountId, WebhookDelivery delivery, string storageTag, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _table.UpdateEntityAsync(
                ToEntity(accountId, delivery), new ETag(storageTag), TableUpdateMode.Replace, cancellationToken);
            return response.Headers.ETag?.ToString() ?? "";
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(
        string accountId, string webhookId, int count, CancellationToken cancellationToken)
    {
        var deliveries = new List<WebhookDelivery>();
        await foreach (var row in _table.QueryAsync<TableEntity>(
            TablePaging.StartsWith(accountId, $"{DeliveryPrefix}{webhookId}|"), count, DeliveryColumns, cancellationToken))
        {
            deliveries.Add(ToDelivery(row, ""));
            if (deliveries.Count == count)
            {
                break;
            }
        }

        return deliveries;
    }

    private static string DeliveryRow(string webhookId, DateTimeOffset eventAt, string deliveryId) =>
        $"{DeliveryPrefix}{webhookId}|{TableEntities.NewestFirst(eventAt)}|{deliveryId}";

    private static TableEntity ToEntity(string accountId, Webhook webhook) => new(accountId, WebhookPrefix + webhook.Id)
    {
        ["Url"] = webhook.Url,
        ["Events"] = string.Join(',', webhook.Events),
        ["Description"] = webhook.Description,
        ["Secret"] = webhook.Secret,
        ["Status"] = webhook.Status.ToString(),
        ["ConsecutiveFailures"] = webhook.ConsecutiveFailures,
        ["FailingSince"] = webhook.FailingSince,
        ["DisabledAt"] = webhook.DisabledAt,
        ["DisabledReason"] = webhook.DisabledReason,
        ["CreatedAt"] = webhook.CreatedAt,
        ["CreatedBy"] = webhook.CreatedBy,
    };

    private static Webhook ToWebhook(TableEntity row) => new()
    {
        Id = row.RowKey[WebhookPrefix.Length..],
        Url = row.GetString("Url"),
        Events = row.GetString("Events").Split(',', StringSplitOptions.RemoveEmptyEntries),
        Description = row.GetString("Description"),
        Secret = row.GetString("Secret"),
        Status = row.GetEnum("Status", WebhookStatus.Active),
        ConsecutiveFailures = row.GetInt32("ConsecutiveFailures") ?? 0,
        FailingSince = row.GetDateTimeOffset("FailingSince"),
        DisabledAt = row.GetDateTimeOffset("DisabledAt"),
        DisabledReason = row.GetString("DisabledReason"),
        CreatedAt = row.GetDateTimeOffset("CreatedAt")!.Value,
        CreatedBy = row.GetString("CreatedBy"),
    };

    private static TableEntity ToEntity(string accountId, WebhookDelivery delivery)
    {
        var row = new TableEntity(accountId, DeliveryRow(delivery.WebhookId, delivery.EventAt, delivery.Id))
        {
            ["WebhookId"] = delivery.WebhookId,
            ["EventId"] = delivery.EventId,
            ["EventType"] = delivery.EventType,
            ["EventAt"] = delivery.EventAt,
            ["Status"] = delivery.Status.ToString(),
            ["Attempts"] = delivery.Attempts,
            ["ResponseCode"] = delivery.ResponseCode,
            ["Error"] = delivery.Error,
            ["LastAttemptAt"] = delivery.LastAttemptAt,
            ["NextAttemptAt"] = delivery.NextAttemptAt,
        };
        CompressedDocument.Write(row, delivery.Body);
        return row;
    }

    private static WebhookDelivery ToDelivery(TableEntity row, string body) => new()
    {
        Id = row.RowKey[(row.RowKey.LastIndexOf('|') + 1)..],
        WebhookId = row.GetString("WebhookId"),
        EventId = row.GetString("EventId"),
        EventType = row.GetString("EventType"),
        EventAt = row.GetDateTimeOffset("EventAt")!.Value,
        Body = body,
        Status = row.GetEnum("Status", DeliveryStatus.Pending),
        Attempts = row.GetInt32("Attempts") ?? 0,
        ResponseCode = row.GetInt32("ResponseCode"),
        Error = row.GetString("Error"),
        LastAttemptAt = row.GetDateTimeOffset("LastAttemptAt"),
        NextAttemptAt = row.GetDateTimeOffset("NextAttemptAt"),
    };
}
