using Microsoft.Extensions.Logging;
using ProcessFunctions.Domain.Accounts;
using ProcessFunctions.Domain.Common;
using ProcessFunctions.Domain.Deals;
using ProcessFunctions.Domain.Effects;
using ProcessFunctions.Domain.Processes;
using ProcessFunctions.Domain.Webhooks;

namespace ProcessFunctions.Domain.Tasks;

/// <summary>
/// Tasks: follow-ups created by step completions and tasks made by hand. Every member reads
/// and creates tasks; a task is changed or deleted by its assignee, its creator, or a manager.
/// </summary>
public sealed partial class TaskService(
    ITaskStore store,
    IAccountStore accounts,
    WebhookPublisher webhooks,
    TimeProvider clock,
    ILogger<TaskService> logger,
    IDealStore? deals = null)
{
    private const int MaxAttempts = 5;

    public async Task<Result<Page<SalesTask>>> ListAsync(
        Caller caller, TaskQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        if (!query.Parse().TryGet(out var filter, out var problem))
        {
            return problem;
        }

        return await store.ListAsync(caller.AccountId, filter, page, cancellationToken);
    }

    public async Task<Result<StoredTask>> GetAsync(Caller caller, string taskId, CancellationToken cancellationToken) =>
        await store.FindAsync(caller.AccountId, taskId, cancellationToken) is { } found ? found : Problem.NotFound("task");

    public async Task<Result<StoredTask>> CreateAsync(
        Caller caller, CreateTaskRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Name("title", request.Title);
        var assigneeId = request.AssigneeId ?? caller.MemberId;
        await CheckMemberAsync(errors, caller.AccountId, "assigneeId", assigneeId, cancellationToken);
        if (request.DealId is not null)
        {
            errors.Id("dealId", request.DealId);
            if (!errors.Any && deals is not null
                && await deals.FindAsync(caller.AccountId, request.DealId, cancellationToken) is null or { Deal.Deleted: true })
            {
                errors.Add("dealId", "No such deal.");
            }
        }

        if (errors.Any)
        {
            return Problem.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var task = new SalesTask
        {
            Id = Ids.New("tsk"),
            Title = request.Title.Trim(),
            Type = request.Type,
            DueAt = request.DueAt,
            AssigneeId = assigneeId,
            DealId = request.DealId,
            CreatedAt = now,
            CreatedBy = caller.MemberId,
            UpdatedAt = now,
        };
        await store.InsertAsync(caller.AccountId, task, cancellationToken);
        await AnnounceAsync(caller.AccountId, task, cancellationToken);
        return await store.FindAsync(caller.AccountId, task.Id, cancellationToken) ?? new StoredTask(task, "");
    }

    /// <summary>
    /// Creates the follow-up task of a step completion, once: its id comes from the message id,
    /// so a duplicate message finds the task made and announces nothing new.
    /// </summary>
    public async Task<SalesTask> CreateFollowUpAsync(
        EffectMessage message, FollowUpTaskSettings settings, Deal? deal, IReadOnlySet<string> memberIds,
        CancellationToken cancellationToken)
    {
        var task = FollowUpRules.Plan(settings, message, deal, memberIds);
        if (await store.InsertAsync(message.AccountId, task, cancellationToken))
        {
            LogFollowUpCreated(logger, task.Id, message.Id, task.AssigneeId);
        }

        // Publishing is idempotent too, and a crash between the insert and here must still announce the task.
        await webhooks.PublishAsync(message.AccountId, WebhookEvent.From(task), cancellationToken);
        return task;
    }

    public async Task<Result<StoredTask>> PatchAsync(
        Caller caller, string taskId, string? ifMatch, TaskPatch patch, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var found = await store.FindAsync(caller.AccountId, taskId, cancellationToken);
            if (found is null)
            {
                return Problem.NotFound("task");
            }

            if (ifMatch is not null && ifMatch != found.StorageTag)
            {
                return Problem.StaleVersion;
            }

            if (!MayChange(caller, found.Task))
            {
                return NotYours;
            }

            var edited = await ApplyAsync(caller, found.Task, patch, cancellationToken);
            if (!edited.TryGet(out var task, out var problem))
            {
                return problem;
            }

            if (await store.ReplaceAsync(caller.AccountId, task, found.StorageTag, cancellationToken))
            {
                return await store.FindAsync(caller.AccountId, taskId, cancellationToken) ?? new StoredTask(task, "");
            }

            if (ifMatch is not null)
            {
                return Problem.StaleVersion;
            }
        }

        return Problem.Conflict("concurrent-change", "The task kept changing while this request ran; retry it.");
    }

    public async Task<Result<bool>> DeleteAsync(Caller caller, string taskId, CancellationToken cancellationToken)
    {
        var found = await store.FindAsync(caller.AccountId, taskId, cancellationToken);
        if (found is null)
        {
            return Problem.NotFound("task");
        }

        if (!MayChange(caller, found.Task))
        {
            return NotYours;
        }

        return await store.DeleteAsync(caller.AccountId, taskId, cancellationToken) ? true : Problem.NotFound("task");
    }

    private async Task<Result<SalesTask>> ApplyAsync(
        Caller caller, SalesTask task, TaskPatch patch, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var now = clock.GetUtcNow();
        var edited = task with
        {
            Title = patch.Title.Or(task.Title)?.Trim()!,
            Type = patch.Type.Or(task.Type),
            DueAt = patch.DueAt.Or(task.DueAt),
            AssigneeId = patch.AssigneeId.Or(task.AssigneeId)!,
            Status = patch.Status.Or(task.Status),
            UpdatedAt = now,
        };
        errors.Name("title", edited.Title);
        if (patch.DueAt is { IsPresent: true, Value: var due } && due == default)
        {
            errors.Add("dueAt", "Must be a date and time.");
        }

        if (patch.AssigneeId.IsPresent && edited.AssigneeId != task.AssigneeId)
        {
            await CheckMemberAsync(errors, caller.AccountId, "assigneeId", edited.AssigneeId, cancellationToken);
        }

        if (edited.Status != task.Status)
        {
            var done = edited.Status == SalesTaskStatus.Done;
            edited = edited with { CompletedAt = done ? now : null, CompletedBy = done ? caller.MemberId : null };
        }

        return errors.Or(edited);
    }

    private async Task CheckMemberAsync(
        FieldErrors errors, string accountId, string field, string? memberId, CancellationToken cancellationToken)
    {
        if (!Ids.IsValid(memberId))
        {
            errors.Add(field, "Is not a valid id.");
        }
        else if (await accounts.FindMemberAsync(accountId, memberId!, cancellationToken) is null)
        {
            errors.Add(field, "No such member.");
        }
    }

    private async Task AnnounceAsync(string accountId, SalesTask task, CancellationToken cancellationToken)
    {
        try
        {
            await webhooks.PublishAsync(accountId, WebhookEvent.From(task), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The task is saved; losing its announcement must not fail the request, but it must be seen.
            LogAnnounceFailed(logger, e, task.Id);
        }
    }

    private static bool MayChange(Caller caller, SalesTask task) =>
        caller.IsAtLeast(MemberRole.Manager) || task.AssigneeId == caller.MemberId || task.CreatedBy == caller.MemberId;

    private static Problem NotYours => Problem.Forbidden(
        "not-your-task", "Only the task's assignee, its creator or a manager may change it.");

    [LoggerMessage(EventId = 5020, Level = LogLevel.Information,
        Message = "Follow-up task {TaskId} created for message {MessageId}, assigned to {AssigneeId}")]
    private static partial void LogFollowUpCreated(ILogger logger, string taskId, string messageId, string assigneeId);

    [LoggerMessage(EventId = 5021, Level = LogLevel.Error, Message = "task.created for task {TaskId} could not be published")]
    private static partial void LogAnnounceFailed(ILogger logger, Exception exception, string taskId);
}
