using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Processes;

namespace ProcessFunctions.Domain.Tasks;

public enum SalesTaskStatus
{
    Open,
    Done,
}

/// <summary>
/// A to-do for a member: a call, meeting, email or plain to-do with a due date. Follow-up tasks
/// are created when a step is completed and link to the deal, the step and the completion event.
/// </summary>
public sealed record SalesTask
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required FollowUpTaskType Type { get; init; }
    public SalesTaskStatus Status { get; init; }
    public required DateTimeOffset DueAt { get; init; }
    public required string AssigneeId { get; init; }
    public string? DealId { get; init; }

    /// <summary>The step whose completion created the task; null for a task made by hand.</summary>
    public string? StepId { get; init; }

    /// <summary>The id of the step-completion event (effect message) that created the task.</summary>
    public string? SourceEventId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public string? CompletedBy { get; init; }
}

public sealed record StoredTask(SalesTask Task, string StorageTag);

/// <summary>Filters of the task list; null means any.</summary>
public sealed record TaskFilter(string? AssigneeId, string? DealId, SalesTaskStatus? Status, DateTimeOffset? DueBefore);

/// <summary>Tasks, one partition per account.</summary>
public interface ITaskStore
{
    Task<StoredTask?> FindAsync(string accountId, string taskId, CancellationToken cancellationToken);

    Task<Page<SalesTask>> ListAsync(
        string accountId, TaskFilter filter, PageRequest page, CancellationToken cancellationToken);

    /// <summary>False when a task with the same id exists already.</summary>
    Task<bool> InsertAsync(string accountId, SalesTask task, CancellationToken cancellationToken);

    /// <summary>False when the task changed (or went) since it was read.</summary>
    Task<bool> ReplaceAsync(string accountId, SalesTask task, string storageTag, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string accountId, string taskId, CancellationToken cancellationToken);
}
