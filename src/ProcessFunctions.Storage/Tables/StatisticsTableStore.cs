using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Statistics;

namespace ProcessFunctions.Storage.Tables;

/// <summary>
/// Table "statistics", one partition per account: a row per process and creation month holding
/// the summed counters of each owner, an index row per process listing its months, and a row per
/// deal holding what it last contributed. Syncing a deal replaces its snapshot and the month rows
/// it touches in one entity-group transaction guarded by their ETags, so concurrent syncs never
/// lose a count. A statistics call makes only point reads: the index, then its months.
/// </summary>
public sealed class StatisticsTableStore(StorageClients storage) : IStatisticsStore
{
    public const string TableName = "statistics";
    private const string MonthPrefix = "month|";
    private const string IndexPrefix = "months|";
    private const string SnapshotPrefix = "snapshot|";
    private const int BatchSize = 100;

    private readonly TableClient _table = storage.Table(TableName);

    public async Task<Tagged<DealSnapshot>?> FindSnapshotAsync(
        string accountId, string dealId, CancellationToken cancellationToken) =>
        await FindDocumentAsync<DealSnapshot>(accountId, SnapshotPrefix + dealId, cancellationToken);

    public async Task<Tagged<MonthAggregate>?> FindMonthAsync(
        string accountId, string processId, string month, CancellationToken cancellationToken) =>
        await FindDocumentAsync<MonthAggregate>(accountId, MonthRow(processId, month), cancellationToken);

    public async Task<bool> ApplyAsync(string accountId, StatisticsUpdate update, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>
        {
            Write(SnapshotEntity(accountId, update.DealId, update.Snapshot.Value), update.Snapshot.Tag),
        };
        actions.AddRange(update.Months.Select(month => Write(MonthEntity(accountId, month.Value), month.Tag)));

        // A month seen for the first time joins its process's index in the same transaction.
        foreach (var added in update.Months.Where(m => m.Tag is null).GroupBy(m => m.Value.ProcessId))
        {
            var index = await FindIndexAsync(accountId, added.Key, cancellationToken);
            var months = index.Months.Union(added.Select(m => m.Value.Month)).Order(StringComparer.Ordinal).ToList();
            actions.Add(Write(IndexEntity(accountId, added.Key, months), index.Tag));
        }

        try
        {
            await _table.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412 or 404)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<MonthAggregate>> ListMonthsAsync(
        string accountId, string processId, string? fromMonth, string? toMonth, CancellationToken cancellationToken)
    {
        var index = await FindIndexAsync(accountId, processId, cancellationToken);
        var wanted = index.Months.Where(month =>
            (fromMonth is null || string.CompareOrdinal(month, fromMonth) >= 0)
            && (toMonth is null || string.CompareOrdinal(month, toMonth) <= 0));
        var found = await Task.WhenAll(wanted.Select(month => FindMonthAsync(accountId, processId, month, cancellationToken)));
        return found.Where(month => month is not null).Select(month => month!.Value).ToList();
    }

    public async Task ReplaceAllAsync(
        string accountId,
        IReadOnlyList<MonthAggregate> months,
        IReadOnlyList<(string DealId, DealSnapshot Snapshot)> snapshots,
        CancellationToken cancellationToken)
    {
        var existing = new List<TableEntity>();
        await foreach (var row in _table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {accountId}"), select: ["PartitionKey", "RowKey"],
            cancellationToken: cancellationToken))
        {
            existing.Add(row);
        }

        await SubmitInBatchesAsync(existing.Select(row =>
            new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All)), cancellationToken);
        var indexes = months.GroupBy(month => month.ProcessId).Select(process =>
            IndexEntity(accountId, process.Key, process.Select(m => m.Month).Order(StringComparer.Ordinal).ToList()));
        var rows = months.Select(month => MonthEntity(accountId, month))
            .Concat(indexes)
            .Concat(snapshots.Select(s => SnapshotEntity(accountId, s.DealId, s.Snapshot)));
        await SubmitInBatchesAsync(
            rows.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)),
            cancellationToken);
    }

    private async Task<Tagged<T>?> FindDocumentAsync<T>(string accountId, string rowKey, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(accountId, rowKey, cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } row
            ? new Tagged<T>(CompressedDocument.Read<T>(row), row.ETag.ToString())
            : null;
    }

    private async Task<(IReadOnlyList<string> Months, string? Tag)> FindIndexAsync(
        string accountId, string processId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(
            accountId, IndexPrefix + processId, cancellationToken: cancellationToken);
        if (!response.HasValue || response.Value is not { } row)
        {
            return ([], null);
        }

        var months = JsonSerializer.Deserialize<List<string>>(row.GetString("Months"), ApiJson.Lenient) ?? [];
        return (months, row.ETag.ToString());
    }

    private async Task SubmitInBatchesAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        foreach (var batch in actions.Chunk(BatchSize))
        {
            await _table.SubmitTransactionAsync(batch, cancellationToken);
        }
    }

    private static TableTransactionAction Write(TableEntity row, string? tag) => tag is null
        ? new TableTransactionAction(TableTransactionActionType.Add, row)
        : new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, new ETag(tag));

    private static string MonthRow(string processId, string month) => $"{MonthPrefix}{processId}|{month}";

    private static TableEntity MonthEntity(string accountId, MonthAggregate month)
    {
        var row = new TableEntity(accountId, MonthRow(month.ProcessId, month.Month));
        CompressedDocument.Write(row, month);
        return row;
    }

    // A process is active for a few years at most: its month list stays far below a row's 64 KiB string limit.
    private static TableEntity IndexEntity(string accountId, string processId, IReadOnlyList<string> months) =>
        new(accountId, IndexPrefix + processId) { ["Months"] = JsonSerializer.Serialize(months, ApiJson.Lenient) };

    private static TableEntity SnapshotEntity(string accountId, string dealId, DealSnapshot snapshot)
    {
        var row = new TableEntity(accountId, SnapshotPrefix + dealId);
        CompressedDocument.Write(row, snapshot);
        return row;
    }
}
