namespace ProcessFunctions.Domain.Webhooks;

public enum WebhookStatus
{
    Active,

    /// <summary>Stopped after a run of failed deliveries; nothing more is sent to it.</summary>
    Disabled,
}

/// <summary>
/// An outbound webhook: a target URL, the events it wants and the secret its deliveries are
/// signed with (Standard Webhooks, <c>whsec_</c> form). The secret is shown once, at creation.
/// </summary>
public sealed record Webhook
{
    public required string Id { get; init; }
    public required string Url { get; init; }
    public required IReadOnlyList<string> Events { get; init; }
    public string? Description { get; init; }
    public required string Secret { get; init; }
    public WebhookStatus Status { get; init; }

    /// <summary>Failed attempts since the last successful one, across all events.</summary>
    public int ConsecutiveFailures { get; init; }

    /// <summary>When the current run of failures began.</summary>
    public DateTimeOffset? FailingSince { get; init; }

    public DateTimeOffset? DisabledAt { get; init; }
    public string? DisabledReason { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }

    public bool Wants(string eventType) => Status == WebhookStatus.Active && Events.Contains(eventType);
}

public sealed record StoredWebhook(Webhook Webhook, string StorageTag);

public enum DeliveryStatus
{
    /// <summary>Recorded; its first attempt is queued.</summary>
    Pending,

    /// <summary>An attempt is being made right now.</summary>
    Sending,

    /// <summary>An attempt failed; the next one is queued with a delay.</summary>
    Retrying,
    Succeeded,

    /// <summary>Every attempt of the retry window failed.</summary>
    Failed,

    /// <summary>Not sent because the webhook was deleted or disabled meanwhile.</summary>
    Cancelled,
}

/// <summary>
/// One event sent to one webhook. Its id is the <c>webhook-id</c> header, the same on every
/// attempt, so receivers can drop repeats; the body is fixed when the delivery is recorded.
/// </summary>
public sealed record WebhookDelivery
{
    public required string Id { get; init; }
    public required string WebhookId { get; init; }
    public required string EventId { get; init; }
    public required string EventType { get; init; }
    public required DateTimeOffset EventAt { get; init; }
    public required string Body { get; init; }
    public DeliveryStatus Status { get; init; }
    public int Attempts { get; init; }
    public int? ResponseCode { get; init; }
    public string? Error { get; init; }
    public DateTimeOffset? LastAttemptAt { get; init; }
    public DateTimeOffset? NextAttemptAt { get; init; }

    public bool IsSettled => Status is DeliveryStatus.Succeeded or DeliveryStatus.Failed or DeliveryStatus.Cancelled;
}

public sealed record StoredDelivery(WebhookDelivery Delivery, string StorageTag);

/// <summary>A message on the <c>webhook-deliveries</c> queue: make attempt number <paramref name="Attempt"/>.</summary>
public sealed record DeliveryJob(string AccountId, string WebhookId, string DeliveryId, DateTimeOffset EventAt, int Attempt);
