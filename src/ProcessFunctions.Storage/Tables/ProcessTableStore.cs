using System.Globalization;
using Azure;
using Azure.Data.Tables;
using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Processes;

namespace ProcessFunctions.Storage.Tables;

/// <summary>
/// Table "processes", one partition per account: a head row per process (the current version,
/// read with one point read), an immutable row per past version, and the default-process row.
/// A save writes the head and the new version row in one entity-group transaction.
/// </summary>
public sealed class ProcessTableStore(StorageClients storage) : IProcessStore
{
    public const string TableName = "processes";
    private const string HeadPrefix = "process|";
    private const string VersionPrefix = "version|";
    private const string DefaultRow = "default";

    private static readonly string[] SummaryColumns =
    [
        "RowKey", "Name", "Description", "Version", "Archived", "StageCount", "StepCount", "TotalWeight",
        "UpdatedAt",
    ];

    private readonly TableClient _table = storage.Table(TableName);

    public async Task<StoredProcess?> FindAsync(string accountId, string processId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(
            accountId, HeadPrefix + processId, cancellationToken: cancellationToken);
        if (!response.HasValue || response.Value is not { } head)
        {
            return null;
        }

        return new StoredProcess(CompressedDocument.Read<ProcessDefinition>(head), head.ETag.ToString());
    }

    public async Task<ProcessDefinition?> FindVersionAsync(
        string accountId, string processId, int version, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(
            accountId, VersionRow(processId, version), cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } row ? CompressedDocument.Read<ProcessDefinition>(row) : null;
    }

    public Task<Domain.Common.Page<ProcessVersionInfo>> ListVersionsAsync(
        string accountId, string processId, PageRequest page, CancellationToken cancellationToken) =>
        TablePaging.PageAsync<TableEntity, ProcessVersionInfo>(
            _table,
            TablePaging.StartsWith(accountId, $"{VersionPrefix}{processId}|"),
            page,
            row => new ProcessVersionInfo(
                row.GetInt32("Version")!.Value,
                row.GetString("Change"),
                row.GetDateTimeOffset("UpdatedAt")!.Value,
                row.GetString("UpdatedBy")),
            cancellationToken,
            ["Version", "Change", "UpdatedAt", "UpdatedBy"]);

    public Task<Domain.Common.Page<ProcessSummary>> ListAsync(
        string accountId, PageRequest page, CancellationToken cancellationToken) =>
        TablePaging.PageAsync<TableEntity, ProcessSummary>(
            _table,
            TablePaging.StartsWith(accountId, HeadPrefix),
            page,
            row => new ProcessSummary(
                row.RowKey[HeadPrefix.Length..],
                row.GetString("Name"),
                row.GetString("Description"),
                row.GetInt32("Version")!.Value,
                row.GetBoolean("Archived") ?? false,
                row.GetInt32("StageCount") ?? 0,
                row.GetInt32("StepCount") ?? 0,
                row.GetInt32("TotalWeight") ?? 0,
                row.GetDateTimeOffset("UpdatedAt")!.Value),
            cancellationToken,
            SummaryColumns);

    public async Task<string?> FindDefaultAsync(string accountId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(
            accountId, DefaultRow, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value?.GetString("ProcessId") : null;
    }

    public async Task<bool> SaveAsync(
        string accountId, ProcessDefinition next, string? storageTag, bool makeDefault,
        CancellationToken cancellationToken)
    {
        var head = Row(accountId, HeadPrefix + next.Id, next);
        var version = Row(accountId, VersionRow(next.Id, next.Version), next);
        var actions = new List<TableTransactionAction>
        {
            storageTag is null
                ? new(TableTransactionActionType.Add, head)
                : new(TableTransactionActionType.UpdateReplace, head, new ETag(storageTag)),
            new(TableTransactionActionType.Add, version),
        };
        if (makeDefault)
        {
            actions.Add(new(TableTransactionActionType.UpsertReplace,
                new TableEntity(accountId, DefaultRow) { ["ProcessId"] = next.Id }));
        }

        try
        {
            await _table.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is 412 or 409 or 404)
        {
            // Another save won: the head's ETag moved or the version row already exists.
            return false;
        }
    }

    // Zero-padded so that version rows sort in version order.
    private static string VersionRow(string processId, int version) =>
        $"{VersionPrefix}{processId}|{version.ToString("D10", CultureInfo.InvariantCulture)}";

    private static TableEntity Row(string accountId, string rowKey, ProcessDefinition definition)
    {
        var row = new TableEntity(accountId, rowKey)
        {
            ["Name"] = definition.Name,
            ["Description"] = definition.Description,
            ["Version"] = definition.Version,
            ["Archived"] = definition.Archived,
            ["StageCount"] = definition.Stages.Count,
            ["StepCount"] = definition.AllSteps.Count(),
            ["TotalWeight"] = definition.TotalWeight,
            ["Change"] = definition.Change,
            ["UpdatedAt"] = definition.UpdatedAt,
            ["UpdatedBy"] = definition.UpdatedBy,
        };
        CompressedDocument.Write(row, definition);
        return row;
    }
}
