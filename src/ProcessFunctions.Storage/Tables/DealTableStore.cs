using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Deals;
using ProcessFunctions.Domain.Effects;

namespace ProcessFunctions.Storage.Tables;

/// <summary>
/// Table "deals", one partition per account: a row per deal, its history rows (newest first by
/// row key) and the outbox rows of events not yet handed to the queue. A deal change writes the
/// deal, its history entry and its outbox message in one entity-group transaction.
/// </summary>
public sealed class DealTableStore(StorageClients storage) : IDealStore
{
    public const string TableName = "deals";
    public const string OutboxPrefix = "outbox|";
    private const string DealPrefix = "deal|";
    private const string HistoryPrefix = "history|";

    private readonly TableClient _table = storage.Table(TableName);

    public async Task<StoredDeal?> FindAsync(string accountId, string dealId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(
            accountId, DealPrefix + dealId, cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } row
            ? new StoredDeal(CompressedDocument.Read<Deal>(row), row.ETag.ToString())
            : null;
    }

    public Task<Domain.Common.Page<Deal>> ListAsync(
        string accountId, DealFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var clauses = new List<string>
        {
            TablePaging.StartsWith(accountId, DealPrefix), TableClient.CreateQueryFilter($"Deleted eq {false}"),
        };
        if (filter.ProcessId is { } processId)
        {
            clauses.Add(TableClient.CreateQueryFilter($"ProcessId eq {processId}"));
        }

        if (filter.StageId is { } stageId)
        {
            clauses.Add(TableClient.CreateQueryFilter($"StageId eq {stageId}"));
        }

        if (filter.Status is { } status)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Status eq {status.ToString()}"));
        }

        if (filter.OwnerId is { } ownerId)
        {
            clauses.Add(TableClient.CreateQueryFilter($"OwnerId eq {ownerId}"));
        }

        return TablePaging.PageAsync<TableEntity, Deal>(
            _table, string.Join(" and ", clauses), page, CompressedDocument.Read<Deal>, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredDeal>> ListOpenInStageAsync(
        string accountId, string processId, string stageId, CancellationToken cancellationToken)
    {
        var filter = $"{TablePaging.StartsWith(accountId, DealPrefix)} and " + TableClient.CreateQueryFilter(
            $"Deleted eq {false} and Status eq {nameof(DealStatus.Open)} and ProcessId eq {processId} and StageId eq {stageId}");
        var found = new List<StoredDeal>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            found.Add(new StoredDeal(CompressedDocument.Read<Deal>(row), row.ETag.ToString()));
        }

        return found;
    }

    public Task<Domain.Common.Page<HistoryEntry>> ListHistoryAsync(
        string accountId, string dealId, PageRequest page, CancellationToken cancellationToken) =>
        TablePaging.PageAsync<TableEntity, HistoryEntry>(
            _table,
            TablePaging.StartsWith(accountId, $"{HistoryPrefix}{dealId}|"),
            page,
            row => JsonSerializer.Deserialize<HistoryEntry>(row.GetString("Entry"), ApiJson.Lenient)!,
            cancellationToken);

    public async IAsyncEnumerable<Deal> ScanAsync(
        string accountId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = _table.QueryAsync<TableEntity>(
            TablePaging.StartsWith(accountId, DealPrefix), cancellationToken: cancellationToken);
        await foreach (var row in rows)
        {
            yield return CompressedDocument.Read<Deal>(row);
        }
    }

    public async Task ImportAsync(string accountId, IReadOnlyList<Deal> deals, CancellationToken cancellationToken)
    {
        foreach (var batch in deals.Chunk(100))
        {
            await _table.SubmitTransactionAsync(
                batch.Select(deal => new TableTransactionAction(TableTransactionActionType.Add, DealRow(accountId, deal))),
                cancellationToken);
        }
    }

    public async Task<bool> WriteAsync(string accountId, DealWrite write, CancellationToken cancellationToken)
    {
        var deal = DealRow(accountId, write.Deal);
        var actions = new List<TableTransactionAction>
        {
            write.StorageTag is null
                ? new(TableTransactionActionType.Add, deal)
                : new(TableTransactionActionType.UpdateReplace, deal, new ETag(write.StorageTag)),
        };
        actions.AddRange(write.History.Select(entry => new TableTransactionAction(
            TableTransactionActionType.Add, new TableEntity(accountId, HistoryRow(write.Deal.Id, entry.Sequence))
            {
                ["Entry"] = JsonSerializer.Serialize(entry, ApiJson.Lenient),
            })));
        actions.AddRange(write.Outbox.Select(message => new TableTransactionAction(
            TableTransactionActionType.Add, OutboxRow(accountId, message))));

        try
        {
            await _table.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is 412 or 409 or 404 && e.FailedTransactionActionIndex == 0)
        {
            return false;
        }
    }

    public static TableEntity OutboxRow(string accountId, EffectMessage message) =>
        new(accountId, OutboxPrefix + message.Id)
        {
            ["Message"] = JsonSerializer.Serialize(message, ApiJson.Lenient),
            ["CreatedAt"] = message.OccurredAt,
        };

    private static TableEntity DealRow(string accountId, Deal deal)
    {
        // The columns serve the list filters; the document is the deal itself.
        var row = new TableEntity(accountId, DealPrefix + deal.Id)
        {
            ["Title"] = deal.Title,
            ["ProcessId"] = deal.ProcessId,
            ["StageId"] = deal.StageId,
            ["Status"] = deal.Status.ToString(),
            ["OwnerId"] = deal.OwnerId,
            ["Deleted"] = deal.Deleted,
            ["CreatedAt"] = deal.CreatedAt,
            ["UpdatedAt"] = deal.UpdatedAt,
        };
        CompressedDocument.Write(row, deal);
        return row;
    }

    // Row keys sort ascending; counting down makes the newest entry come first.
    private static string HistoryRow(string dealId, long sequence) =>
        $"{HistoryPrefix}{dealId}|{(long.MaxValue - sequence).ToString("D19", CultureInfo.InvariantCulture)}";
}
