using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Effects;
using ProcessFunctions.Storage.Tables;

namespace ProcessFunctions.Storage.Outbox;

public sealed class OutboxOptions
{
    /// <summary>How often the sweep looks for messages that were committed but not sent.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Rows younger than this are left to the request that wrote them.</summary>
    public TimeSpan Grace { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Sends outbox messages that a crash or a queue outage kept from being sent after their deal
/// write. The message keeps its id, so a message that is sent twice is recognised as one.
/// </summary>
public sealed partial class OutboxSweeper(
    StorageClients storage,
    QueueOutboxDispatcher dispatcher,
    OutboxOptions options,
    TimeProvider clock,
    ILogger<OutboxSweeper> logger) : BackgroundService
{
    /// <summary>Sends and removes every outbox row older than the grace period; returns how many.</summary>
    public async Task<int> SweepOnceAsync(TimeSpan grace, CancellationToken cancellationToken)
    {
        var table = storage.Table(DealTableStore.TableName);
        var cutoff = clock.GetUtcNow() - grace;
        var prefix = DealTableStore.OutboxPrefix;

        // Outbox rows of all accounts: a row-key range within each partition, not a read of every deal.
        var filter = TableClient.CreateQueryFilter(
            $"RowKey ge {prefix} and RowKey lt {prefix + '\uffff'} and CreatedAt le {cutoff}");
        var sent = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var message = JsonSerializer.Deserialize<EffectMessage>(row.GetString("Message"), ApiJson.Lenient)!;
            await dispatcher.SendAsync(message, cancellationToken);
            await OutboxCleanup.DeleteAsync(table, row.PartitionKey, [message.Id], cancellationToken);
            LogResent(logger, message.Id, message.DealId);
            sent++;
        }

        return sent;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.SweepInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepOnceAsync(options.Grace, stoppingToken);
            }
            catch (Exception e) when (e is RequestFailedException or HttpRequestException)
            {
                LogSweepFailed(logger, e);
            }
        }
    }

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information,
        Message = "Outbox sweep sent message {MessageId} of deal {DealId}")]
    private static partial void LogResent(ILogger logger, string messageId, string dealId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Outbox sweep failed; it runs again")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
