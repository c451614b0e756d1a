using Azure;
using Azure.Data.Tables;
using ProcessFunctions.Domain.Statistics;

namespace ProcessFunctions.Storage.Tables;

/// <summary>
/// Table "statistics", one partition per account: a row per cohort (process, creation month,
/// owner) holding its summed counters, and a row per deal holding what it last contributed.
/// Syncing a deal replaces its snapshot and the affected cohorts in one entity-group transaction
/// guarded by their ETags, so concurrent syncs never lose a count.
/// </summary>
public sealed class StatisticsTableStore(StorageClients storage) : IStatisticsStore
{
    public const string TableName = "statistics";
    private const string CohortPrefix = "cohort|";
    private const string SnapshotPrefix = "snapshot|";
    private const int BatchSize = 100;

    private readonly TableClient _table = storage.Table(TableName);

    public async Task<Tagged<DealSnapshot>?> FindSnapshotAsync(
        string accountId, string dealId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(
            accountId, SnapshotPrefix + dealId, cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } row
            ? new Tagged<DealSnapshot>(CompressedDocument.Read<DealSnapshot>(row), row.ETag.ToString())
            : null;
    }

    public async Task<Tagged<CohortAggregate>?> FindCohortAsync(
        string accountId, CohortKey key, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(
            accountId, CohortRow(key), cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } row
            ? new Tagged<CohortAggregate>(CompressedDocument.Read<CohortAggregate>(row), row.ETag.ToString())
            : null;
    }

    public async Task<bool> ApplyAsync(string accountId, StatisticsUpdate update, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>
        {
            Write(SnapshotEntity(accountId, update.DealId, update.Snapshot.Value), update.Snapshot.Tag),
        };
        actions.AddRange(update.Cohorts.Select(cohort => Write(CohortEntity(accountId, cohort.Value), cohort.Tag)));
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

    public async Task<IReadOnlyList<CohortAggregate>> ListCohortsAsync(
        string accountId, string processId, string? fromMonth, string? toMonth, string? ownerId,
        CancellationToken cancellationToken)
    {
        // Row keys sort by month within a process, so the month range is a row-key range.
        var low = $"{CohortPrefix}{processId}|{fromMonth ?? ""}";
        var high = $"{CohortPrefix}{processId}|{toMonth ?? "\uffff"}|\uffff";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {accountId} and RowKey ge {low} and RowKey lt {high}");
        if (ownerId is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"OwnerId eq {ownerId}");
        }

        var cohorts = new List<CohortAggregate>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            cohorts.Add(CompressedDocument.Read<CohortAggregate>(row));
        }

        return cohorts;
    }

    public async Task ReplaceAllAsync(
        string accountId,
        IReadOnlyList<CohortAggregate> cohorts,
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
        var rows = cohorts.Select(cohort => CohortEntity(accountId, cohort))
            .Concat(snapshots.Select(s => SnapshotEntity(accountId, s.DealId, s.Snapshot)));
        await SubmitInBatchesAsync(
            rows.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)),
            cancellationToken);
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

    private static string CohortRow(CohortKey key) => $"{CohortPrefix}{key.ProcessId}|{key.Month}|{key.OwnerId}";

    private static TableEntity CohortEntity(string accountId, CohortAggregate cohort)
    {
        var row = new TableEntity(accountId, CohortRow(cohort.Key)) { ["OwnerId"] = cohort.Key.OwnerId };
        CompressedDocument.Write(row, cohort);
        return row;
    }

    private static TableEntity SnapshotEntity(string accountId, string dealId, DealSnapshot snapshot)
    {
        var row = new TableEntity(accountId, SnapshotPrefix + dealId);
        CompressedDocument.Write(row, snapshot);
        return row;
    }
}
