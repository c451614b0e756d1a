using System.Text.Json;
using Azure;
using Microsoft.Extensions.Logging;
using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Deals;
using ProcessFunctions.Domain.Effects;

namespace ProcessFunctions.Storage.Outbox;

/// <summary>
/// Hands committed effect messages to the <c>step-effects</c> queue right after the deal write.
/// A message that cannot be sent now stays in the outbox for <see cref="OutboxSweeper"/>; one that
/// was sent is removed from the outbox later, off the request path, by <see cref="OutboxCleanup"/>.
/// </summary>
public sealed partial class QueueOutboxDispatcher(
    StorageClients storage, OutboxCleanup cleanup, ILogger<QueueOutboxDispatcher> logger) : IOutboxDispatcher
{
    public const string QueueName = "step-effects";

    public async Task DispatchAsync(
        string accountId, IReadOnlyList<EffectMessage> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            try
            {
                await SendAsync(message, cancellationToken);
                cleanup.Forget(accountId, message.Id);
            }
            catch (Exception e) when (e is RequestFailedException or HttpRequestException)
            {
                // The deal change is committed and the message is safe in the outbox: the sweep sends it.
                LogDeferred(logger, e, message.Id, message.DealId);
            }
        }
    }

    public Task SendAsync(EffectMessage message, CancellationToken cancellationToken) =>
        storage.Queue(QueueName).SendMessageAsync(
            JsonSerializer.Serialize(message, ApiJson.Lenient), cancellationToken);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning,
        Message = "Message {MessageId} of deal {DealId} could not be queued now; the outbox sweep will send it")]
    private static partial void LogDeferred(ILogger logger, Exception exception, string messageId, string dealId);
}
