using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Processes;

namespace ProcessFunctions.Domain.Tasks;

/// <summary>A task made by hand. The assignee defaults to the caller.</summary>
public sealed record CreateTaskRequest
{
    public required string Title { get; init; }
    public FollowUpTaskType Type { get; init; } = FollowUpTaskType.ToDo;
    public required DateTimeOffset DueAt { get; init; }
    public string? AssigneeId { get; init; }
    public string? DealId { get; init; }
}

/// <summary>Complete or reopen (status), reassign (assigneeId), reschedule (dueAt) or rename a task.</summary>
public sealed record TaskPatch
{
    public Optional<string> Title { get; init; }
    public Optional<FollowUpTaskType> Type { get; init; }
    public Optional<SalesTaskStatus> Status { get; init; }
    public Optional<DateTimeOffset> DueAt { get; init; }
    public Optional<string> AssigneeId { get; init; }
}

/// <summary>The query string of <c>GET /api/tasks</c>, as received.</summary>
public sealed record TaskQuery(string? AssigneeId, string? DealId, string? Status, string? DueBefore)
{
    public Result<TaskFilter> Parse()
    {
        var errors = new FieldErrors();
        if (AssigneeId is not null)
        {
            errors.Id("assigneeId", AssigneeId);
        }

        if (DealId is not null)
        {
            errors.Id("dealId", DealId);
        }

        SalesTaskStatus? status = Status switch
        {
            null => null,
            "open" => SalesTaskStatus.Open,
            "done" => SalesTaskStatus.Done,
            _ => null,
        };
        if (Status is not null && status is null)
        {
            errors.Add("status", "Must be 'open' or 'done'.");
        }

        DateTimeOffset? dueBefore = null;
        if (DueBefore is not null)
        {
            if (DateTimeOffset.TryParse(DueBefore, System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed))
            {
                dueBefore = parsed;
            }
            else
            {
                errors.Add("dueBefore", "Must be an ISO 8601 date and time.");
            }
        }

        return errors.Or(new TaskFilter(AssigneeId, DealId, status, dueBefore));
    }
}
