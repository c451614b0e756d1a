using Azure;
using Azure.Data.Tables;
using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Processes;
using ProcessFunctions.Domain.Tasks;

namespace ProcessFunctions.Storage.Tables;

/// <summary>Table "tasks", one partition per account, a row per task; list filters run server-side.</summary>
public sealed class TaskTableStore(StorageClients storage) : ITaskStore
{
    public const string TableName = "tasks";
    private const string TaskPrefix = "task|";

    private readonly TableClient _table = storage.Table(TableName);

    public async Task<StoredTask?> FindAsync(string accountId, string taskId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(
            accountId, TaskPrefix + taskId, cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } row ? new StoredTask(ToTask(row), row.ETag.ToString()) : null;
    }

    public Task<Domain.Common.Page<SalesTask>> ListAsync(
        string accountId, TaskFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var query = TableEntities.And(
            TablePaging.StartsWith(accountId, TaskPrefix),
            filter.AssigneeId is null ? null : TableClient.CreateQueryFilter($"AssigneeId eq {filter.AssigneeId}"),
            filter.DealId is null ? null : TableClient.CreateQueryFilter($"DealId eq {filter.DealId}"),
            filter.Status is null ? null : TableClient.CreateQueryFilter($"Status eq {filter.Status.ToString()}"),
            filter.DueBefore is null ? null : TableClient.CreateQueryFilter($"DueAt lt {filter.DueBefore.Value}"));
        return TablePaging.PageAsync<TableEntity, SalesTask>(_table, query, page, ToTask, cancellationToken);
    }

    public async Task<bool> InsertAsync(string accountId, SalesTask task, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(ToEntity(accountId, task), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<bool> ReplaceAsync(
        string accountId, SalesTask task, string storageTag, CancellationToken cancellationToken)
    {
        try
        {
            await _table.UpdateEntityAsync(ToEntity(accountId, task), new ETag(storageTag), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    public async Task<bool> DeleteAsync(string accountId, string taskId, CancellationToken cancellationToken)
    {
        var response = await _table.DeleteEntityAsync(accountId, TaskPrefix + taskId, ETag.All, cancellationToken);
        return response.Status != 404;
    }

    private static TableEntity ToEntity(string accountId, SalesTask task) => new(accountId, TaskPrefix + task.Id)
    {
        ["Title"] = task.Title,
        ["Type"] = task.Type.ToString(),
        ["Status"] = task.Status.ToString(),
        ["DueAt"] = task.DueAt,
        ["AssigneeId"] = task.AssigneeId,
        ["DealId"] = task.DealId,
        ["StepId"] = task.StepId,
        ["SourceEventId"] = task.SourceEventId,
        ["CreatedAt"] = task.CreatedAt,
        ["CreatedBy"] = task.CreatedBy,
        ["UpdatedAt"] = task.UpdatedAt,
        ["CompletedAt"] = task.CompletedAt,
        ["CompletedBy"] = task.CompletedBy,
    };

    private static SalesTask ToTask(TableEntity row) => new()
    {
        Id = row.RowKey[TaskPrefix.Length..],
        Title = row.GetString("Title"),
        Type = row.GetEnum("Type", FollowUpTaskType.ToDo),
        Status = row.GetEnum("Status", SalesTaskStatus.Open),
        DueAt = row.GetDateTimeOffset("DueAt")!.Value,
        AssigneeId = row.GetString("AssigneeId"),
        DealId = row.GetString("DealId"),
        StepId = row.GetString("StepId"),
        SourceEventId = row.GetString("SourceEventId"),
        CreatedAt = row.GetDateTimeOffset("CreatedAt")!.Value,
        CreatedBy = row.GetString("CreatedBy"),
        UpdatedAt = row.GetDateTimeOffset("UpdatedAt")!.Value,
        CompletedAt = row.GetDateTimeOffset("CompletedAt"),
        CompletedBy = row.GetString("CompletedBy"),
    };
}
