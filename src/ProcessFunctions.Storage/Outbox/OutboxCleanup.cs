using System.Threading.Channels;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Hosting;
using ProcessFunctions.Storage.Tables;

namespace ProcessFunctions.Storage.Outbox;

/// <summary>
/// Deletes outbox rows whose messages reached the queue, in batches per account and off the
/// request path. A row whose deletion is lost (crash, shutdown) is sent once more by the sweep;
/// consumers drop the duplicate by message id.
/// </summary>
public sealed class OutboxCleanup(StorageClients storage) : BackgroundService
{
    private const int BatchSize = 100;
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(500);
    private readonly Channel<(string AccountId, string MessageId)> _sent =
        Channel.CreateBounded<(string, string)>(new BoundedChannelOptions(10_000)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
        });

    /// <summary>Marks a message as sent; its outbox row goes with the next batch.</summary>
    public void Forget(string accountId, string messageId) => _sent.Writer.TryWrite((accountId, messageId));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var table = storage.Table(DealTableStore.TableName);
        var batch = new List<(string AccountId, string MessageId)>(BatchSize);
        while (await _sent.Reader.WaitToReadAsync(stoppingToken))
        {
            // Waiting a moment lets rows gather, so that busy periods cost few, full batches.
            await Task.Delay(Gather, stoppingToken);
            while (batch.Count < BatchSize && _sent.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            foreach (var account in batch.GroupBy(item => item.AccountId))
            {
                await DeleteAsync(table, account.Key, account.Select(item => item.MessageId).ToList(), stoppingToken);
            }

            batch.Clear();
        }
    }

    public static async Task DeleteAsync(
        TableClient table, string accountId, IReadOnlyList<string> messageIds, CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync(messageIds.Select(id => new TableTransactionAction(
                TableTransactionActionType.Delete,
                new TableEntity(accountId, DealTableStore.OutboxPrefix + id), ETag.All)), cancellationToken);
        }
        catch (TableTransactionFailedException)
        {
            // A row already gone fails the whole batch; delete one by one and ignore the missing.
            foreach (var id in messageIds)
            {
                await table.DeleteEntityAsync(accountId, DealTableStore.OutboxPrefix + id, ETag.All, cancellationToken);
            }
        }
    }
}
