using System.Text.Json;
using Microsoft.Extensions.Logging;
using ProcessFunctions.Domain.Accounts;
using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Deals;
using ProcessFunctions.Domain.Statistics;
using ProcessFunctions.Domain.Tasks;
using ProcessFunctions.Domain.Webhooks;

namespace ProcessFunctions.Domain.Effects;

/// <summary>
/// Carries out one <c>step-effects</c> message: emails the people the step's notify setting
/// names, creates its follow-up task, and hands the event to the webhooks that want it. Every
/// effect is recorded under the message id before it is acted on, so the message may arrive any
/// number of times and each effect still happens once. Any failure is thrown after its error is
/// kept: the queue retries the message, and past its maximum dequeue count moves it to the
/// poison queue, where <see cref="RecordPoisonedAsync"/> makes it visible.
/// </summary>
public sealed partial class EffectProcessor(
    IDealStore deals,
    IAccountStore accounts,
    StepNotifier notifier,
    TaskService tasks,
    WebhookPublisher webhooks,
    IEffectLedger ledger,
    IEffectFailureLog failures,
    StatisticsService statistics,
    TimeProvider clock,
    ILogger<EffectProcessor> logger)
{
    /// <summary>Partition of poisoned messages that name no account (unreadable ones); never a tenant's.</summary>
    public const string UnreadableAccount = "system";

    public async Task ProcessAsync(string messageText, CancellationToken cancellationToken)
    {
        var message = Parse(messageText);
        using var scope = logger.BeginScope(new Dictionary<string, object>
        {
            ["AccountId"] = message.AccountId, ["MessageId"] = message.Id, ["DealId"] = message.DealId,
        });
        try
        {
            await CarryOutAsync(message, cancellationToken);
            LogProcessed(logger, message.Type, message.Id);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, e, message.Type, message.Id);
            await ledger.RecordErrorAsync(message.AccountId, message.Id, Describe(e), CancellationToken.None);
            throw;
        }
    }

    /// <summary>Records a message that failed past its maximum dequeue count where administrators see it.</summary>
    public async Task RecordPoisonedAsync(string messageText, FailureKind kind, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (accountId, messageId, type, dealId, stepId) = Identify(messageText, kind);
        var error = messageId is null ? null : await ledger.FindErrorAsync(accountId, messageId, cancellationToken);
        var failure = new EffectFailure(
            DerivedIds.From("fail", messageId ?? messageText, kind.ToString()), kind, now, messageId, type, dealId, stepId,
            null, error ?? (messageId is null ? "The message could not be read." : "No error was recorded."));
        await failures.AddAsync(accountId, failure, cancellationToken);
        LogPoisoned(logger, kind, messageId ?? "(unreadable)", accountId);
    }

    private async Task CarryOutAsync(EffectMessage message, CancellationToken cancellationToken)
    {
        // Every deal event brings the pipeline statistics up to the deal's current state; the
        // sync is idempotent, so a repeated message changes nothing.
        if (message.Type != DealEvents.TaskCreated)
        {
            await statistics.SyncDealAsync(message.AccountId, message.DealId, cancellationToken);
        }

        if (message.Type == DealEvents.StepCompleted && (message.HasEmail || message.FollowUpTask is not null))
        {
            var deal = (await deals.FindAsync(message.AccountId, message.DealId, cancellationToken))?.Deal;
            var members = await accounts.ListAllMembersAsync(message.AccountId, cancellationToken);
            if (message.HasEmail)
            {
                await notifier.NotifyAsync(message, deal, members, cancellationToken);
            }

            if (message.FollowUpTask is { } followUp)
            {
                var memberIds = members.Select(member => member.Id).ToHashSet(StringComparer.Ordinal);
                await tasks.CreateFollowUpAsync(message, followUp, deal, memberIds, cancellationToken);
            }
        }

        await webhooks.PublishAsync(message.AccountId, WebhookEvent.From(message), cancellationToken);
    }

    private static EffectMessage Parse(string messageText) =>
        JsonSerializer.Deserialize<EffectMessage>(messageText, ApiJson.Lenient)
        ?? throw new InvalidDataException("The step-effects message is empty.");

    private static (string AccountId, string? MessageId, string? Type, string? DealId, string? StepId) Identify(
        string messageText, FailureKind kind)
    {
        try
        {
            if (kind == FailureKind.DeliveryPoisoned
                && JsonSerializer.Deserialize<DeliveryJob>(messageText, ApiJson.Lenient) is { } job)
            {
                return (job.AccountId, job.DeliveryId, "webhook.delivery", null, null);
            }

            var message = Parse(messageText);
            return (message.AccountId, message.Id, message.Type, message.DealId, message.StepId);
        }
        catch (JsonException)
        {
            return (UnreadableAccount, null, null, null, null);
        }
    }

    // Kept for administrators: the kind of failure and its message, never a stack trace.
    private static string Describe(Exception e) => e switch
    {
        EmailUnavailableException mail => $"Email could not be sent ({mail.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no response"}): {mail.Message}",
        _ => $"{e.GetType().Name}: {e.Message}",
    };

    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "Processed {EventType} message {MessageId}")]
    private static partial void LogProcessed(ILogger logger, string eventType, string messageId);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning,
        Message = "Processing {EventType} message {MessageId} failed; the queue will retry it")]
    private static partial void LogFailed(ILogger logger, Exception exception, string eventType, string messageId);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error,
        Message = "{Kind}: message {MessageId} of account {AccountId} failed past its maximum dequeue count and was recorded")]
    private static partial void LogPoisoned(ILogger logger, FailureKind kind, string messageId, string accountId);
}
