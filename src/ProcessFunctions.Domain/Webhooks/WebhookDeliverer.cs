using System.Text.Json;
using Microsoft.Extensions.Logging;
using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Effects;

namespace ProcessFunctions.Domain.Webhooks;

/// <summary>
/// Makes one attempt of a webhook delivery (a job from the <c>webhook-deliveries</c> queue):
/// signs the stored body with the webhook's secret under the delivery's fixed id and the
/// attempt's timestamp, posts it, and records the outcome. A failed attempt queues the next one
/// with the delay of <see cref="WebhookPolicy"/>; the job of an attempt already made is dropped.
/// </summary>
public sealed partial class WebhookDeliverer(
    IWebhookStore store,
    IDeliveryScheduler scheduler,
    IWebhookTransport transport,
    IHostResolver resolver,
    WebhookAlerts alerts,
    WebhookPolicy policy,
    EffectOptions options,
    TimeProvider clock,
    ILogger<WebhookDeliverer> logger)
{
    private const int MaxAttempts = 5;

    public async Task DeliverAsync(string jobText, CancellationToken cancellationToken)
    {
        var job = JsonSerializer.Deserialize<DeliveryJob>(jobText, ApiJson.Lenient)
            ?? throw new InvalidDataException("The webhook-deliveries message is empty.");
        var now = clock.GetUtcNow();
        var stored = await store.FindDeliveryAsync(job.AccountId, job.WebhookId, job.EventAt, job.DeliveryId, cancellationToken);
        if (stored?.Delivery is { Status: DeliveryStatus.Retrying, NextAttemptAt: { } due } made && made.Attempts == job.Attempt)
        {
            // The run that made this attempt stopped before queueing the next one; queue it now.
            var wait = due - now;
            await scheduler.EnqueueAsync(job with { Attempt = job.Attempt + 1 }, wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
                cancellationToken);
            return;
        }

        if (stored is null || !IsDue(stored.Delivery, job, now))
        {
            LogStaleJob(logger, job.DeliveryId, job.Attempt);
            return;
        }

        var delivery = stored.Delivery;
        var webhook = (await store.FindAsync(job.AccountId, job.WebhookId, cancellationToken))?.Webhook;
        if (webhook is not { Status: WebhookStatus.Active })
        {
            if (webhook is not null)
            {
                await alerts.EnsureDisabledNoticeAsync(job.AccountId, webhook, cancellationToken);
            }

            var reason = webhook is null ? "The webhook was deleted." : "The webhook is disabled.";
            await store.ReplaceDeliveryAsync(job.AccountId, delivery with { Status = DeliveryStatus.Cancelled, Error = reason },
                stored.StorageTag, cancellationToken);
            return;
        }

        // Taking the attempt under the delivery's tag: of two copies of one job, only one posts.
        var attempts = job.Attempt;
        var tag = await store.ReplaceDeliveryAsync(job.AccountId, delivery with
        {
            Status = DeliveryStatus.Sending, Attempts = attempts, LastAttemptAt = now, NextAttemptAt = null,
        }, stored.StorageTag, cancellationToken);
        if (tag is null)
        {
            LogStaleJob(logger, job.DeliveryId, job.Attempt);
            return;
        }

        var result = await AttemptAsync(webhook, delivery, now, cancellationToken);
        var disabled = await RecordOutcomeAsync(job.AccountId, webhook.Id, result.IsSuccess, now, cancellationToken);
        var next = result.IsSuccess || disabled is not null ? null : policy.DelayAfter(attempts, Random.Shared.NextDouble());
        var status = result.IsSuccess ? DeliveryStatus.Succeeded
            : disabled is not null ? DeliveryStatus.Cancelled
            : next is null ? DeliveryStatus.Failed
            : DeliveryStatus.Retrying;

        // The outcome is saved before the next attempt is queued, so the next attempt never runs ahead of it;
        // a crash in between is repaired by this job's own redelivery (see the top of this method).
        var saved = await store.ReplaceDeliveryAsync(job.AccountId, delivery with
        {
            Status = status,
            Attempts = attempts,
            ResponseCode = result.StatusCode,
            Error = disabled is null ? result.Error : $"{result.Error} The webhook was disabled.",
            LastAttemptAt = now,
            NextAttemptAt = now + next,
        }, tag, cancellationToken);
        LogAttempt(logger, delivery.Id, webhook.Id, attempts, result.StatusCode, status);
        if (saved is not null && next is { } delay)
        {
            await scheduler.EnqueueAsync(job with { Attempt = attempts + 1 }, delay, cancellationToken);
        }

        if (disabled is not null)
        {
            LogDisabled(logger, webhook.Id, disabled.ConsecutiveFailures);
            await alerts.EnsureDisabledNoticeAsync(job.AccountId, disabled, cancellationToken);
        }
    }

    /// <summary>
    /// Whether the job asks for the delivery's next attempt. A job for an attempt already made is a
    /// duplicate, unless that attempt was left unfinished (its worker crashed) for longer than it
    /// could have run, in which case this job makes it again.
    /// </summary>
    private bool IsDue(WebhookDelivery delivery, DeliveryJob job, DateTimeOffset now) =>
        !delivery.IsSettled
        && (job.Attempt == delivery.Attempts + 1
            || (job.Attempt == delivery.Attempts && delivery.Status == DeliveryStatus.Sending
                && delivery.LastAttemptAt + (policy.Timeout * 3) < now));

    private async Task<TransportResult> AttemptAsync(
        Webhook webhook, WebhookDelivery delivery, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var target = await TargetRules.CheckAsync(webhook.Url, options.AllowPrivateTargets, resolver, cancellationToken);
        if (!target.TryGet(out var uri, out _))
        {
            return new TransportResult(null, "Refused: the target now resolves to a private or reserved address.");
        }

        var headers = WebhookSignature.Headers(webhook.Secret, delivery.Id, now, delivery.Body);
        return await transport.PostAsync(uri, headers, delivery.Body, cancellationToken);
    }

    /// <summary>Counts the run of failures; returns the webhook when this attempt disabled it.</summary>
    private async Task<Webhook?> RecordOutcomeAsync(
        string accountId, string webhookId, bool success, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stored = await store.FindAsync(accountId, webhookId, cancellationToken);
            if (stored is null || (success && stored.Webhook.ConsecutiveFailures == 0))
            {
                return null;
            }

            var webhook = stored.Webhook;
            var updated = success
                ? webhook with { ConsecutiveFailures = 0, FailingSince = null }
                : webhook with { ConsecutiveFailures = webhook.ConsecutiveFailures + 1, FailingSince = webhook.FailingSince ?? now };
            var disable = !success && webhook.Status == WebhookStatus.Active
                && policy.ShouldDisable(updated.ConsecutiveFailures, updated.FailingSince!.Value, now);
            if (disable)
            {
                updated = updated with
                {
                    Status = WebhookStatus.Disabled,
                    DisabledAt = now,
                    DisabledReason = $"{updated.ConsecutiveFailures} delivery attempts in a row failed since " +
                        $"{updated.FailingSince:u}.",
                };
            }

            if (await store.ReplaceAsync(accountId, updated, stored.StorageTag, cancellationToken))
            {
                return disable ? updated : null;
            }
        }

        return null;
    }

    [LoggerMessage(EventId = 5031, Level = LogLevel.Information,
        Message = "Delivery {DeliveryId} to webhook {WebhookId}, attempt {Attempt}: status {StatusCode}, now {Status}")]
    private static partial void LogAttempt(
        ILogger logger, string deliveryId, string webhookId, int attempt, int? statusCode, DeliveryStatus status);

    [LoggerMessage(EventId = 5032, Level = LogLevel.Debug,
        Message = "Job for delivery {DeliveryId} attempt {Attempt} is settled or repeated; dropped")]
    private static partial void LogStaleJob(ILogger logger, string deliveryId, int attempt);

    [LoggerMessage(EventId = 5033, Level = LogLevel.Warning,
        Message = "Webhook {WebhookId} disabled after {Failures} failed attempts in a row")]
    private static partial void LogDisabled(ILogger logger, string webhookId, int failures);
}
